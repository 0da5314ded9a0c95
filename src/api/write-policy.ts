import type { FastifyRequest } from "fastify";
import type { RecordScope, ScopeRepository } from "../db/repositories/scope.repository.js";
import type { Grant, WritePolicy } from "./access-control.js";

/**
 * Who may write what — the one table the server checks every write against (issue 7):
 * administrators everything; a programme manager their programme, its calls, applications and
 * cooperations; a city editor their city's profile, observations, inventories, targets and their
 * part of action plans; a partner contributor a cooperation's activities and commitments.
 * A write route missing here is for administrators only (and a test lists it).
 */
const p = (req: FastifyRequest, name = "id"): string => (req.params as Record<string, string>)[name] ?? "";
const b = (req: FastifyRequest): Record<string, unknown> => (req.body && typeof req.body === "object" ? (req.body as Record<string, unknown>) : {});

const manager = (programmeId: string | null | undefined): Grant[] => (programmeId ? [{ role: "programme_manager", scope: programmeId }] : []);
const editors = (cities: (string | null | undefined)[]): Grant[] => cities.filter((c): c is string => !!c).map((scope) => ({ role: "city_editor", scope }));
const partner = (cooperationId: string | null | undefined): Grant[] => (cooperationId ? [{ role: "partner_contributor", scope: cooperationId }] : []);

/** The programme's managers, and — where `cities` says — editors of the member cities or of the record's own city. */
function scoped(s: RecordScope, opts: { cities?: "members" | "own"; partners?: boolean } = {}): Grant[] {
  const cities = opts.cities === "members" ? s.cities : opts.cities === "own" ? [s.ownCity] : [];
  return [...manager(s.programmeId), ...editors(cities), ...(opts.partners ? partner(s.cooperationId) : [])];
}

const cityEditor = async (req: FastifyRequest) => editors([p(req, "slug")]);
const of = (lookup: (s: ScopeRepository, id: string) => Promise<RecordScope>, opts: Parameters<typeof scoped>[1] = {}, param = "id") =>
  async (req: FastifyRequest, s: ScopeRepository) => scoped(await lookup(s, p(req, param)), opts);

const V = "/api/v1";

export const WRITE_POLICY: WritePolicy = {
  // accounts
  [`POST ${V}/auth/sign-in`]: { access: "public" },
  [`POST ${V}/auth/sign-out`]: { access: "public" },
  [`POST ${V}/auth/tokens`]: { access: "user" },
  [`DELETE ${V}/auth/tokens/:id`]: { access: "user" },
  [`POST ${V}/auth/password`]: { access: "user", audit: { entity: "user", idFrom: "self", load: (ctx, id) => ctx.accounts.userForAudit(id) } },
  [`POST ${V}/users/:id/password-reset`]: { access: "admin", audit: { entity: "user", idFrom: "param", load: (ctx, id) => ctx.accounts.userForAudit(id) } },
  [`POST ${V}/users`]: { access: "admin", audit: { entity: "user", idFrom: "response" } },
  [`POST ${V}/users/:id/roles`]: { access: "admin", audit: { entity: "user-roles", idFrom: "param", load: (ctx, id) => ctx.accounts.getUser(id) } },
  [`DELETE ${V}/users/:id/roles`]: { access: "admin", audit: { entity: "user-roles", idFrom: "param", load: (ctx, id) => ctx.accounts.getUser(id) } },
  [`POST ${V}/users/:id/disable`]: { access: "admin", audit: { entity: "user", idFrom: "param", load: (ctx, id) => ctx.accounts.getUser(id) } },
  [`POST ${V}/users/:id/enable`]: { access: "admin", audit: { entity: "user", idFrom: "param", load: (ctx, id) => ctx.accounts.getUser(id) } },

  // city data
  // any signed-in user; each row's city must be one the user edits (checked row by row by the import)
  [`POST ${V}/observations/import`]: { access: "user", audit: { entity: "observations-import", idFrom: "response", ownTransaction: true } },
  [`POST ${V}/cities/:slug/air/import`]: { access: cityEditor, audit: { entity: "air-import", idFrom: "param", param: "slug", ownTransaction: true } },
  [`POST ${V}/cities/:slug/inventories`]: { access: cityEditor, audit: { entity: "inventory", table: "inventories", idFrom: "response" } },
  [`PUT ${V}/inventories/:id`]: { access: of((s, id) => s.inventory(id), { cities: "own" }), audit: { entity: "inventory", table: "inventories", idFrom: "param" } },
  [`DELETE ${V}/inventories/:id`]: { access: of((s, id) => s.inventory(id), { cities: "own" }), audit: { entity: "inventory", table: "inventories", idFrom: "param" } },
  [`POST ${V}/inventories/:id/finalise`]: { access: of((s, id) => s.inventory(id), { cities: "own" }), audit: { entity: "inventory", table: "inventories", idFrom: "param" } },
  [`POST ${V}/inventories/:id/reopen`]: { access: of((s, id) => s.inventory(id), { cities: "own" }), audit: { entity: "inventory", table: "inventories", idFrom: "param" } },
  [`POST ${V}/inventories/:id/import`]: { access: of((s, id) => s.inventory(id), { cities: "own" }), audit: { entity: "inventory", table: "inventories", idFrom: "param" } },
  // a computation sent by POST; it stores nothing
  [`POST ${V}/inventories/compute`]: { access: "public" },
  [`POST ${V}/cities/:slug/targets`]: { access: cityEditor, audit: { entity: "target", table: "targets", idFrom: "response" } },
  [`PUT ${V}/targets/:id`]: { access: of((s, id) => s.target(id), { cities: "own" }), audit: { entity: "target", table: "targets", idFrom: "param" } },
  [`DELETE ${V}/targets/:id`]: { access: of((s, id) => s.target(id), { cities: "own" }), audit: { entity: "target", table: "targets", idFrom: "param" } },
  [`POST ${V}/cities/:slug/actions`]: { access: cityEditor, audit: { entity: "climate-action", table: "climate_actions", idFrom: "response" } },
  [`DELETE ${V}/climate-actions/:id`]: { access: of((s, id) => s.climateAction(id), { cities: "own" }), audit: { entity: "climate-action", table: "climate_actions", idFrom: "param" } },
  // any signed-in user may add a cited emission factor to the shared library
  [`POST ${V}/emission-factors`]: { access: "user", audit: { entity: "emission-factor", table: "emission_factors", idFrom: "response" } },

  // the practice library is curated by administrators
  [`POST ${V}/practices/import`]: { access: "admin", audit: { entity: "practices-import", idFrom: "response" } },
  [`POST ${V}/practices`]: { access: "admin", audit: { entity: "practice", table: "practices", idFrom: "response" } },
  [`PUT ${V}/practices/:id`]: { access: "admin", audit: { entity: "practice", table: "practices", idFrom: "param" } },
  [`DELETE ${V}/practices/:id`]: { access: "admin", audit: { entity: "practice", table: "practices", idFrom: "param" } },

  // programmes, calls and applications: administrators open programmes; their managers run them
  [`POST ${V}/programmes`]: { access: "admin", audit: { entity: "programme", table: "programmes", idFrom: "response" } },
  [`PATCH ${V}/programmes/:id`]: { access: of((s, id) => s.programme(id)), audit: { entity: "programme", table: "programmes", idFrom: "param" } },
  [`POST ${V}/programmes/:id/calls`]: { access: of((s, id) => s.programme(id)), audit: { entity: "call", table: "calls", idFrom: "response" } },
  [`PATCH ${V}/calls/:id`]: { access: of((s, id) => s.call(id)), audit: { entity: "call", table: "calls", idFrom: "param" } },
  // a city applies through its editors (or the programme's managers enter a paper application)
  [`POST ${V}/calls/:id/applications`]: {
    access: async (req, s) => [...scoped(await s.call(p(req))), ...editors([typeof b(req).city === "string" ? (b(req).city as string) : null])],
    audit: { entity: "application", table: "applications", idFrom: "response" },
  },
  [`POST ${V}/applications/:id/decision`]: { access: of((s, id) => s.application(id)), audit: { entity: "application", table: "applications", idFrom: "param" } },
  // pairing is a computation (nothing stored) for signed-in users
  [`POST ${V}/programmes/:id/pairing`]: { access: "user" },
  // proposing pairs of the board creates cooperations: the programme's managers
  [`POST ${V}/programmes/:id/pairing/proposals`]: { access: of((s, id) => s.programme(id)), audit: { entity: "pairing-proposal", idFrom: "param" } },

  // cooperations and their action plans
  [`POST ${V}/cooperations`]: {
    access: async (req) => manager(typeof b(req).programmeId === "string" ? (b(req).programmeId as string) : null),
    audit: { entity: "cooperation", table: "cooperations", idFrom: "response" },
  },
  [`PATCH ${V}/cooperations/:id`]: { access: of((s, id) => s.cooperation(id)), audit: { entity: "cooperation", table: "cooperations", idFrom: "param" } },
  [`POST ${V}/cooperations/:id/transitions`]: { access: of((s, id) => s.cooperation(id)), audit: { entity: "cooperation", table: "cooperations", idFrom: "param" } },
  [`PUT ${V}/cooperations/:id/plan`]: { access: of((s, id) => s.cooperation(id), { cities: "members" }), audit: { entity: "action-plan", table: "action_plans", key: "cooperation_id", idFrom: "param" } },
  [`POST ${V}/cooperations/:id/actions`]: { access: of((s, id) => s.cooperation(id), { cities: "members" }), audit: { entity: "action", table: "actions", idFrom: "response" } },
  [`PATCH ${V}/actions/:id`]: { access: of((s, id) => s.action(id), { cities: "own" }), audit: { entity: "action", table: "actions", idFrom: "param" } },
  [`DELETE ${V}/cooperations/:id/actions/:actionId`]: { access: of((s, id) => s.action(id), { cities: "own" }, "actionId"), audit: { entity: "action", table: "actions", idFrom: "param", param: "actionId" } },
  [`POST ${V}/cooperations/:id/kpis`]: { access: of((s, id) => s.cooperation(id), { cities: "members" }), audit: { entity: "kpi", table: "kpis", idFrom: "response" } },
  [`PATCH ${V}/kpis/:id`]: { access: of((s, id) => s.kpi(id), { cities: "own" }), audit: { entity: "kpi", table: "kpis", idFrom: "param" } },
  [`DELETE ${V}/kpis/:id`]: { access: of((s, id) => s.kpi(id), { cities: "own" }), audit: { entity: "kpi", table: "kpis", idFrom: "param" } },
  [`POST ${V}/kpis/:id/values`]: { access: of((s, id) => s.kpi(id), { cities: "own" }), audit: { entity: "kpi-value", idFrom: "param" } },

  // activities and outputs: also the cooperation's partner contributors
  [`POST ${V}/cooperations/:id/activities`]: { access: of((s, id) => s.cooperation(id), { cities: "members", partners: true }), audit: { entity: "activity", table: "activities", idFrom: "response" } },
  [`PATCH ${V}/activities/:id`]: { access: of((s, id) => s.activity(id), { cities: "members", partners: true }), audit: { entity: "activity", table: "activities", idFrom: "param" } },
  [`DELETE ${V}/activities/:id`]: { access: of((s, id) => s.activity(id), { cities: "members", partners: true }), audit: { entity: "activity", table: "activities", idFrom: "param" } },
  [`POST ${V}/activities/:id/outputs`]: { access: of((s, id) => s.activity(id), { cities: "members", partners: true }), audit: { entity: "output", table: "outputs", idFrom: "response" } },
  [`DELETE ${V}/outputs/:id`]: { access: of((s, id) => s.output(id), { cities: "members", partners: true }), audit: { entity: "output", table: "outputs", idFrom: "param" } },

  // partners: anyone signed in may register an organisation; its record is then kept by administrators
  [`POST ${V}/organisations`]: { access: "user", audit: { entity: "organisation", table: "organisations", idFrom: "response" } },
  [`PATCH ${V}/organisations/:id`]: { access: "admin", audit: { entity: "organisation", table: "organisations", idFrom: "param" } },
  [`POST ${V}/cooperations/:id/commitments`]: { access: of((s, id) => s.cooperation(id), { partners: true }), audit: { entity: "commitment", table: "commitments", idFrom: "response" } },
  [`PATCH ${V}/commitments/:id`]: { access: of((s, id) => s.commitment(id), { partners: true }), audit: { entity: "commitment", table: "commitments", idFrom: "param" } },
  [`DELETE ${V}/commitments/:id`]: { access: of((s, id) => s.commitment(id), { partners: true }), audit: { entity: "commitment", table: "commitments", idFrom: "param" } },

  // pilot projects; follow-up fund decisions are the programme managers'
  [`POST ${V}/cooperations/:id/pilots`]: { access: of((s, id) => s.cooperation(id), { cities: "members" }), audit: { entity: "pilot", table: "pilots", idFrom: "response" } },
  [`PATCH ${V}/pilots/:id`]: { access: of((s, id) => s.pilot(id), { cities: "members" }), audit: { entity: "pilot", table: "pilots", idFrom: "param" } },
  [`POST ${V}/pilots/:id/fund-applications`]: { access: of((s, id) => s.pilot(id), { cities: "members" }), audit: { entity: "fund-application", table: "fund_applications", idFrom: "response" } },
  [`PATCH ${V}/fund-applications/:id`]: { access: of((s, id) => s.fundApplication(id)), audit: { entity: "fund-application", table: "fund_applications", idFrom: "param" } },

  // innovation readiness of a pilot or an action
  [`POST ${V}/readiness-assessments`]: {
    access: async (req, s) => {
      const body = b(req);
      const scope = typeof body.pilot === "string" ? await s.pilot(body.pilot) : typeof body.action === "string" ? await s.action(body.action) : null;
      return scope ? scoped(scope, { cities: "members" }) : [];
    },
    audit: { entity: "readiness-assessment", table: "readiness_assessments", idFrom: "response" },
  },
  [`PUT ${V}/readiness-assessments/:id`]: { access: of((s, id) => s.readiness(id), { cities: "members" }), audit: { entity: "readiness-assessment", table: "readiness_assessments", idFrom: "param" } },

  // district visions: the city's editors run them; residents and others take part with the
  // participant token they get on joining (checked by the vision services), without an account
  [`POST ${V}/cities/:slug/districts`]: { access: cityEditor, audit: { entity: "district", table: "districts", idFrom: "response" } },
  [`PUT ${V}/districts/:id`]: { access: of((s, id) => s.district(id), { cities: "own" }), audit: { entity: "district", table: "districts", idFrom: "param" } },
  [`POST ${V}/districts/:id/processes`]: { access: of((s, id) => s.district(id), { cities: "own" }), audit: { entity: "vision-process", table: "vision_processes", idFrom: "response" } },
  [`PUT ${V}/vision-processes/:id`]: { access: of((s, id) => s.visionProcess(id), { cities: "own" }), audit: { entity: "vision-process", table: "vision_processes", idFrom: "param" } },
  [`POST ${V}/vision-processes/:id/participants`]: { access: "public" },
  [`POST ${V}/vision-processes/:id/me`]: { access: "public" },
  [`POST ${V}/vision-processes/:id/statements`]: { access: "public", audit: { entity: "vision-statement", table: "vision_statements", idFrom: "response" } },
  [`PUT ${V}/vision-statements/:id/vote`]: { access: "public", audit: { entity: "vision-vote", idFrom: "param" } },
  [`POST ${V}/vision-statements/:id/moderation`]: { access: of((s, id) => s.visionStatement(id), { cities: "own" }), audit: { entity: "vision-statement", table: "vision_statements", idFrom: "param" } },
  [`POST ${V}/vision-processes/:id/documents`]: { access: of((s, id) => s.visionProcess(id), { cities: "own" }), audit: { entity: "vision-document", table: "vision_documents", idFrom: "response" } },
  [`PUT ${V}/vision-documents/:id`]: { access: of((s, id) => s.visionDocument(id), { cities: "own" }), audit: { entity: "vision-document", table: "vision_documents", idFrom: "param" } },
};

export { b as bodyOf, editors, manager, partner, scoped };
