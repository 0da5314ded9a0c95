/** Today's date as `YYYY-MM-DD` in UTC. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Whether a call takes applications on `today` (ISO dates, UTC): from its opening day (when set)
 * up to and including its deadline day.
 * @example callIsOpen({ opensOn: "2026-01-01", deadline: "2026-03-31" }, "2026-03-31") //=> true
 * @example callIsOpen({ opensOn: null, deadline: "2026-03-31" }, "2026-04-01") //=> false
 */
export function callIsOpen(call: { opensOn: string | null; deadline: string }, today: string): boolean {
  return (call.opensOn === null || today >= call.opensOn) && today <= call.deadline;
}

/** Why a call does not take applications on `today`, or null when it does. */
export function callClosedReason(call: { opensOn: string | null; deadline: string }, today: string): string | null {
  if (call.opensOn !== null && today < call.opensOn) return `the call opens on ${call.opensOn}; applications are not yet taken (today is ${today})`;
  if (today > call.deadline) return `the call closed on ${call.deadline}; applications are no longer taken (today is ${today})`;
  return null;
}
