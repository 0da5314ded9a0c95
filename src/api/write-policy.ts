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
  [`POST ${V}/users`]: { access: "admin", audit: { entity: "user", idFrom: "response" } },
  [`POST ${V}/users/:id/roles`]: { access: "admin", audit: { entity: "user-roles", idFrom: "param" } },
  [`DELETE ${V}/users/:id/roles`]: { access: "admin", audit: { entity: "user-roles", idFrom: "param" } },

  // city data
  [`POST ${V}/observations/import`]: { access: "admin", audit: { entity: "observations-import", idFrom: "response" } },
  [`POST ${V}/cities/:slug/air/import`]: { access: cityEditor, audit: { entity: "air-import", idFrom: "param", param: "slug" } },
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
  [`DELETE ${V}/actions/:id`]: { access: of((s, id) => s.climateAction(id), { cities: "own" }), audit: { entity: "climate-action", table: "climate_actions", idFrom: "param" } },
  // any signed-in user may add a cited emission factor to the shared library
  [`POST ${V}/emission-factors`]: { access: "user", audit: { entity: "emission-factor", table: "emission_factors", idFrom: "response" } },

  // the practice library is curated by administrators
  [`POST ${V}/practices/import`]: { access: "admin", audit: { entity: "practices-import", idFrom: "response" } },
  [`POST ${V}/practices`]: { access: "admin", audit: { entity: "practice", table: "practices", idFrom: "response" } },
  [`PUT ${V}/practices/:id`]: { access: "admin", audit: { entity: "practice", table: "practices", idFrom: "param" } },
  [`DELETE ${V}/practices/:id`]: { access: "admin", audit: { entity: "practice", table: "practices", idFrom: "param" } },
};

export { b as bodyOf, editors, manager, partner, scoped };
