/** A vote: agree = +1, disagree = −1, pass = 0; `null` = the participant has not seen or voted on the statement. */
export type VoteValue = 1 | -1 | 0 | null;

/** Participants × statements; `votes[i][j]` is participant i's vote on statement j. */
export interface VoteMatrix {
  participants: readonly string[];
  statements: readonly string[];
  votes: readonly (readonly VoteValue[])[];
}

/** Throws TypeError/RangeError when the matrix is not participants × statements of −1, 0, 1 or null. */
export function checkVoteMatrix(m: VoteMatrix): void {
  if (m.votes.length !== m.participants.length) throw new RangeError(`votes has ${m.votes.length} rows for ${m.participants.length} participants`);
  m.votes.forEach((row, i) => {
    if (row.length !== m.statements.length) throw new RangeError(`row ${i} has ${row.length} votes for ${m.statements.length} statements`);
    for (const v of row) if (v !== null && v !== 1 && v !== -1 && v !== 0) throw new TypeError(`row ${i}: vote ${String(v)} is not 1, -1, 0 or null`);
  });
  if (new Set(m.participants).size !== m.participants.length) throw new RangeError("participant ids must be unique");
  if (new Set(m.statements).size !== m.statements.length) throw new RangeError("statement ids must be unique");
}

/**
 * Fills each missing vote with its statement's mean vote (0 when nobody voted on it) and centres
 * every column, giving the matrix PCA works on.
 * @example imputeCentred([[1, null], [-1, 1]]) //=> [[1, 0], [-1, 0]]
 * Source: mean imputation as in Pol.is (Small et al. 2021, "Polis: Scaling deliberation by mapping high dimensional opinion spaces").
 */
export function imputeCentred(votes: readonly (readonly VoteValue[])[]): number[][] {
  const cols = votes[0]?.length ?? 0;
  const means = Array.from({ length: cols }, (_, j) => {
    let sum = 0;
    let n = 0;
    for (const row of votes) {
      const v = row[j];
      if (v !== null && v !== undefined) {
        sum += v;
        n++;
      }
    }
    return n ? sum / n : 0;
  });
  return votes.map((row) => row.map((v, j) => (v === null ? 0 : v - (means[j] ?? 0))));
}
