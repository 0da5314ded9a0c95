import { userInfo } from "node:os";
import { Command, InvalidArgumentError } from "commander";
import { PREREQUISITE_NAMES, READINESS_SCALE } from "../domain/readiness.js";
import { createAssessment, getAssessment } from "../services/readiness-assessments.js";
import { readinessResult } from "../services/readiness-result.js";
import { listProcesses } from "../services/vision-processes.js";
import { visionResults } from "../services/vision-results.js";
import { addDbOption, CliError, EXIT, withApp } from "./run.js";

const GROUP = (g: number) => String.fromCharCode(65 + g);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const out = (s: string): void => void process.stdout.write(`${s}\n`);

function whole(min: number, max: number) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`must be a whole number ${min}–${max}`);
    return n;
  };
}

export function visionCommand(): Command {
  const cmd = new Command("vision").description("district vision processes (common vision) and innovation readiness");
  cmd.addCommand(
    addDbOption(new Command("list").description("vision processes with their district and city, newest first").option("--city <slug>", "only this city's").option("--json", "print { items: [{ process, district }] }")).action(
      async (opts: { city?: string; json?: boolean; db?: string }) => {
        const items = await withApp(opts, (ctx) => listProcesses(ctx, opts.city));
        if (opts.json) return out(JSON.stringify({ items }, null, 2));
        if (items.length === 0) return void process.stderr.write("no vision process yet\n");
        for (const { process: p, district: d } of items) out(`${p.id}  ${p.status.padEnd(6)}  ${d.city} / ${d.names.en}${d.names.zh ? ` ${d.names.zh}` : ""}  ${p.startsOn}  ${p.question.en}`);
      },
    ),
  );
  cmd.addCommand(
    addDbOption(
      new Command("results")
        .description("opinion groups, the consensus statements (the common vision) and the divisive ones of a process")
        .argument("<id>", "vision process id (see `vision list`)")
        .option("--seed <n>", "seed of the clustering (default 1)", whole(-2147483648, 2147483647))
        .option("--k <n>", "fixed number of opinion groups 1–5 (default: chosen by silhouette)", whole(1, 5))
        .option("--json", "print { process, participants, groups: [{ id, size, participantGroups }], consensus: [{ statement, text, agreement, votes }], divisive: [...] }"),
    ).action(async (id: string, opts: { seed?: number; k?: number; json?: boolean; db?: string }) => {
      const r = await withApp(opts, (ctx) => visionResults(ctx, id, { seed: opts.seed, k: opts.k }));
      const finding = (f: (typeof r.consensus)[number]) => ({ statement: f.statement, text: f.text, agreement: f.agreement, groups: f.groups, votes: f.votes, confidence: f.confidence });
      if (opts.json) {
        const json = { process: r.process, participants: r.participants, statements: r.statements, votes: r.votes, groups: r.groups, consensus: r.consensus.map(finding), divisive: r.divisive.map((f) => ({ ...finding(f), spread: f.spread })), thresholds: r.thresholds };
        return out(JSON.stringify(json, null, 2));
      }
      out(`${r.process.question.en}${r.process.question.zh ? ` / ${r.process.question.zh}` : ""}`);
      out(`${r.participants} participant(s), ${r.statements} accepted statement(s), ${r.votes} vote(s); ${r.k} opinion group(s)`);
      for (const g of r.groups) out(`  group ${GROUP(g.id)}: ${g.size} — ${Object.entries(g.participantGroups).map(([k, n]) => `${k} ${n}`).join(", ")}`);
      out(`consensus (every group agrees ≥ ${pct(r.thresholds.consensusAgreement)}, smoothed):`);
      if (r.consensus.length === 0) out("  none yet");
      for (const c of r.consensus) out(`  ${pct(c.agreement)}  ${c.text}  (${c.votes} votes, ${c.confidence} confidence)`);
      out(`divisive (groups differ by ≥ ${pct(r.thresholds.divisiveSpread)}):`);
      if (r.divisive.length === 0) out("  none");
      for (const d of r.divisive) out(`  ${d.groups.map((a, g) => `${GROUP(g)} ${pct(a)}`).join(" · ")}  ${d.text}  (${d.votes} votes)`);
    }),
  );
  const readiness = new Command("readiness").description("innovation readiness of pilots and actions (SASUI 2016)");
  readiness.addCommand(
    addDbOption(
      new Command("start").description("start an assessment for a pilot or an action").option("--pilot <id>", "pilot id").option("--action <id>", "action id").option("--json", "print the assessment"),
    ).action(async (opts: { pilot?: string; action?: string; json?: boolean; db?: string }) => {
      if (Boolean(opts.pilot) === Boolean(opts.action)) throw new CliError("give either --pilot ID or --action ID", EXIT.invalid);
      const a = await withApp(opts, (ctx) => createAssessment(ctx, { pilot: opts.pilot, action: opts.action, scores: {}, partners: [], tensions: [] }, userInfo().username));
      if (opts.json) out(JSON.stringify(a, null, 2));
      else out(a.id);
    }),
  );
  readiness.addCommand(
    addDbOption(new Command("show").description("scores, gaps and suggested practices of an assessment").argument("<id>", "assessment id").option("--json", "print { assessment, result }")).action(
      async (id: string, opts: { json?: boolean; db?: string }) => {
        const { assessment, result } = await withApp(opts, async (ctx) => {
          const a = await getAssessment(ctx, id);
          return { assessment: a, result: await readinessResult(ctx, a) };
        });
        if (opts.json) return out(JSON.stringify({ assessment, result }, null, 2));
        for (const r of result.radar) out(`${PREREQUISITE_NAMES[r.prerequisite].en.padEnd(18)} ${r.score === null ? "not yet reported" : `${r.score} ${READINESS_SCALE[r.score]?.en ?? ""}`}`);
        out(`gaps (score ≤ 2): ${result.gaps.length ? "" : "none"}`);
        for (const g of result.gaps) out(`  ${PREREQUISITE_NAMES[g.prerequisite].en} ${g.score}: ${g.practices.map((p) => p.id).join(", ") || "no practice found"}`);
      },
    ),
  );
  cmd.addCommand(readiness);
  return cmd;
}
