import type { AuditEntry, User } from "../domain/account.js";
import type { RecordScope, ScopeRepository } from "../db/repositories/scope.repository.js";
import { ForbiddenError } from "../errors.js";
import { holds } from "./authorize.js";

/**
 * Who may read the history of a record, and what of it: the same rule as the record's own read
 * endpoint. The audit trail stores raw rows, so a rule that hides a column from the record's
 * endpoint must hide it here too. Every audited entity has a rule (a test checks it); an entity
 * without one is for administrators only.
 */
export type HistoryRule = (user: User, id: string, entries: AuditEntry[], scopes: ScopeRepository) => Promise<AuditEntry[]>;

/** Public records (anyone reads them through their own endpoints): any signed-in user. */
const anyUser: HistoryRule = async (_user, _id, entries) => entries;

const adminOnly: HistoryRule = async (user, _id, entries) => {
  if (!user.isAdmin) throw new ForbiddenError("only an administrator may read this history", { code: "auth.history_forbidden" });
  return entries;
};

/** A user record is read by administrators and by the user (as GET /users/{id}). */
const adminOrSelf: HistoryRule = async (user, id, entries) => {
  if (!user.isAdmin && user.id !== id) throw new ForbiddenError("only an administrator or the user may read this history", { code: "auth.history_forbidden" });
  return entries;
};

const managesOrEdits = (user: User, s: RecordScope): boolean =>
  user.isAdmin || (!!s.programmeId && holds(user, "programme_manager", s.programmeId)) || (!!s.ownCity && holds(user, "city_editor", s.ownCity));

function mapRows(entries: AuditEntry[], f: (row: Record<string, unknown>) => Record<string, unknown>): AuditEntry[] {
  const each = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? f(v as Record<string, unknown>) : v);
  return entries.map((e) => ({ ...e, before: each(e.before), after: each(e.after) }));
}

/** An application's contact person: the programme's managers and the applying city's editors only (as `withContacts`). */
const application: HistoryRule = async (user, id, entries, scopes) => {
  if (managesOrEdits(user, await scopes.application(id))) return entries;
  return mapRows(entries, (row) => ({
    ...row,
    ...("contact_name" in row ? { contact_name: null } : {}),
    ...("contact_email" in row ? { contact_email: null } : {}),
    ...("contact" in row ? { contact: { name: null, email: null } } : {}),
  }));
};

/** A statement waiting for moderation: its text and author for the moderators (the city's editors) only. */
const visionStatement: HistoryRule = async (user, id, entries, scopes) => {
  if (managesOrEdits(user, await scopes.visionStatement(id))) return entries;
  return mapRows(entries, (row) => (row.status === "pending" ? { id: row.id, status: "pending" } : row));
};

export const HISTORY_RULES: Record<string, HistoryRule> = {
  user: adminOrSelf,
  "user-roles": adminOrSelf,
  application,
  "vision-statement": visionStatement,
  // A participant's individual votes are secret: results are published only in aggregate.
  "vision-vote": adminOnly,
  // Public records: their own endpoints show them to anyone.
  ...Object.fromEntries(
    [
      "observations-import", "air-import", "inventory", "target", "climate-action", "emission-factor", "practices-import", "practice", "programme", "call",
      "cooperation", "action-plan", "action", "kpi", "kpi-value", "activity", "output", "organisation", "commitment", "pilot", "fund-application",
      "readiness-assessment", "district", "vision-process", "vision-document", "pairing-proposal",
    ].map((e) => [e, anyUser]),
  ),
};

/** The history of `entity` `id` as `user` may read it; 403 when they may not. */
export function readHistory(user: User, entity: string, id: string, entries: AuditEntry[], scopes: ScopeRepository): Promise<AuditEntry[]> {
  // An own key only: `valueOf` or `constructor` in the address must not find Object's methods.
  const rule = Object.hasOwn(HISTORY_RULES, entity) ? HISTORY_RULES[entity]! : adminOnly;
  return rule(user, id, entries, scopes);
}
