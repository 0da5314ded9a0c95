import type { ApplicationStatus } from "../../domain/programme.js";
import { ConflictError } from "../../errors.js";

/**
 * The moves a screening may make. Eligibility is set automatically at submission and a manager
 * may re-check it; only an eligible application can be accepted; any application not yet
 * decided can be declined. Accepted and declined are final.
 */
export const SCREENING_MOVES: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  submitted: ["eligible", "ineligible", "declined"],
  eligible: ["eligible", "ineligible", "accepted", "declined"],
  ineligible: ["eligible", "ineligible", "declined"],
  accepted: [],
  declined: [],
};

/** Why `from → to` is not allowed, or null when it is. */
export function screeningRefusal(from: ApplicationStatus, to: ApplicationStatus): string | null {
  if (SCREENING_MOVES[from].includes(to)) return null;
  if (from === "accepted" || from === "declined") return `the application is already ${from}: a decision is final`;
  if (to === "accepted") return `only an eligible application can be accepted; this one is ${from}`;
  if (to === "submitted") return "an application cannot go back to submitted";
  return `an application cannot move from ${from} to ${to}`;
}

/**
 * Checks one step of the application screening (submitted → eligible | ineligible →
 * accepted | declined) and throws ConflictError with the reason when it is not allowed.
 * @example assertScreeningMove("eligible", "accepted") // ok
 * @example assertScreeningMove("ineligible", "accepted") // throws "only an eligible application can be accepted; this one is ineligible"
 * Source: the IUC programme's life of a cooperation (open call → screening → matching), DOMAIN.md.
 */
export function assertScreeningMove(from: ApplicationStatus, to: ApplicationStatus): void {
  const why = screeningRefusal(from, to);
  if (why) throw new ConflictError(why, { code: "conflict.screening_move", params: { from, to } });
}
