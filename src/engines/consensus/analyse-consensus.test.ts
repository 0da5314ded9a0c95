import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseConsensus } from "./analyse-consensus.js";
import type { VoteValue } from "./vote-matrix.js";

/** Six residents who want a car-free centre, six developers who want parking; all want more trees. */
function opposed(): { participants: string[]; statements: string[]; votes: VoteValue[][] } {
  const statements = ["car-free", "more-parking", "taller-blocks", "keep-market", "trees"];
  const a: VoteValue[] = [1, -1, -1, 1, 1];
  const b: VoteValue[] = [-1, 1, 1, -1, 1];
  const participants = [...Array.from({ length: 6 }, (_, i) => `r${i}`), ...Array.from({ length: 6 }, (_, i) => `d${i}`)];
  // One vote differs per person so the groups are not single points.
  const votes = participants.map((_p, i) => {
    const row = [...(i < 6 ? a : b)];
    row[i % 4] = i % 3 === 0 ? 0 : row[i % 4] ?? null;
    return row;
  });
  return { participants, statements, votes };
}

describe("analyseConsensus", () => {
  it("finds the one statement two clearly opposed groups share", () => {
    const r = analyseConsensus(opposed());
    expect(r.k).toBe(2);
    expect(r.groups.map((g) => g.members.every((m) => m.startsWith(g.members[0]?.[0] ?? "?")))).toEqual([true, true]);
    expect(r.consensus.map((c) => c.statement)).toEqual(["trees"]);
    expect(r.consensus[0]).toMatchObject({ votes: 12, density: 1, confidence: "high" });
    expect(r.consensus[0]?.agreement).toBeCloseTo(7 / 8, 10);
    expect(r.divisive.map((d) => d.statement).sort()).toEqual(["car-free", "keep-market", "more-parking", "taller-blocks"]);
  });

  it("finds no consensus and no division when everyone passes", () => {
    const votes: VoteValue[][] = Array.from({ length: 8 }, () => [0, 0, 0, 0]);
    const r = analyseConsensus({ participants: votes.map((_v, i) => `p${i}`), statements: ["a", "b", "c", "d"], votes });
    expect(r.consensus).toEqual([]);
    expect(r.divisive).toEqual([]);
    expect(r.k).toBe(1);
  });

  it("lowers the confidence when fewer participants voted on the shared statement", () => {
    const full = analyseConsensus(opposed());
    const m = opposed();
    // Only 2 of 6 in each group vote on "trees".
    m.votes.forEach((row, i) => {
      if (i % 6 >= 2) row[4] = null;
    });
    const sparse = analyseConsensus(m);
    const f = full.consensus.find((c) => c.statement === "trees");
    const s = sparse.consensus.find((c) => c.statement === "trees");
    expect(s).toBeDefined();
    expect(s?.votes).toBe(4);
    expect(s?.confidence).toBe("low");
    expect(s?.density ?? 1).toBeLessThan(f?.density ?? 0);
  });

  it("flags participants with fewer than three votes and still places them in a group", () => {
    const m = opposed();
    m.participants.push("late");
    m.votes.push([1, null, null, null, null]);
    const r = analyseConsensus(m);
    const late = r.participants.find((p) => p.id === "late");
    expect(late).toMatchObject({ sparse: true, votes: 1 });
    expect(r.groups[late?.group ?? -1]?.members).toContain("late");
  });

  it("gives identical output for the same seed", () => {
    expect(analyseConsensus(opposed(), { seed: 7 })).toEqual(analyseConsensus(opposed(), { seed: 7 }));
  });

  it("uses a fixed k when given", () => {
    expect(analyseConsensus(opposed(), { k: 3 }).k).toBe(3);
  });

  it("refuses a ragged matrix", () => {
    expect(() => analyseConsensus({ participants: ["a"], statements: ["s", "t"], votes: [[1]] })).toThrow(RangeError);
  });

  it("partitions the participants into its groups, whatever the votes", () => {
    const vote = fc.constantFrom<VoteValue>(1, -1, 0, null);
    const matrix = fc.integer({ min: 1, max: 6 }).chain((cols) => fc.array(fc.array(vote, { minLength: cols, maxLength: cols }), { maxLength: 14 }).map((votes) => ({ cols, votes })));
    fc.assert(
      fc.property(matrix, fc.integer(), ({ cols, votes }, seed) => {
        const participants = votes.map((_v, i) => `p${i}`);
        const r = analyseConsensus({ participants, statements: Array.from({ length: cols }, (_c, j) => `s${j}`), votes }, { seed });
        const all = r.groups.flatMap((g) => g.members);
        expect(new Set(all).size).toBe(all.length);
        expect(all.sort()).toEqual([...participants].sort());
        expect(r.groups.every((g) => g.size > 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("analyseConsensus with three participants", () => {
  it("finds the statement all three agree with, even when one forms a group alone", () => {
    const r = analyseConsensus({ participants: ["ana", "bo", "cy"], statements: ["trees", "parking", "car-free"], votes: [[1, -1, 1], [1, 1, -1], [1, -1, 1]] });
    expect(r.k).toBe(2);
    expect(r.consensus.map((c) => c.statement)).toEqual(["trees"]);
  });
});
