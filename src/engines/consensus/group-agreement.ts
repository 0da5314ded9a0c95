import type { VoteValue } from "./vote-matrix.js";

/** Votes on one statement by one group of participants. */
export interface AgreementCount {
  agree: number;
  disagree: number;
  pass: number;
  /** agree + disagree + pass. */
  votes: number;
  /** Laplace-smoothed share agreeing, (agree + 1) / (votes + 2), 0–1; 0.5 with no votes. */
  agreement: number;
}

/**
 * Counts the votes of `members` on statement column `j` and their smoothed agreement.
 * Pass votes count in the denominator: having seen a statement and passed is not support.
 * @example agreementCount([[1], [1], [-1]], [0, 1, 2], 0) //=> { agree: 2, disagree: 1, pass: 0, votes: 3, agreement: 0.6 }
 * Source: Laplace's rule of succession, as in the Pol.is "repness" computation (Small et al. 2021).
 */
export function agreementCount(votes: readonly (readonly VoteValue[])[], members: readonly number[], j: number): AgreementCount {
  let agree = 0;
  let disagree = 0;
  let pass = 0;
  for (const i of members) {
    const v = votes[i]?.[j];
    if (v === 1) agree++;
    else if (v === -1) disagree++;
    else if (v === 0) pass++;
  }
  const n = agree + disagree + pass;
  return { agree, disagree, pass, votes: n, agreement: (agree + 1) / (n + 2) };
}
