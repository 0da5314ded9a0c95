/**
 * Every machine-readable problem code the API can send, with the names of the parameters its
 * message interpolates. This is the one source of truth: problem+json bodies carry `code` and
 * `params` from here (the English `title`/`detail` stay for API users), the web client renders
 * each code in the user's language (src/web/i18n/errors.ts), and a test fails when a code here has
 * no English or Chinese text there.
 *
 * Codes are stable: rename one only with a deprecation. `params` values are strings or numbers.
 */
export const PROBLEM_CODES = {
  // Generic codes, used when nothing more precise applies. The client shows its own generic text
  // in Chinese and the server's English `detail` in English.
  invalid_input: [],
  not_found: [],
  conflict: [],
  forbidden: [],
  "request.invalid": [],
  /** A problem item with no more precise reason: its row/column/value are given. */
  "item.invalid": ["column"],

  // Signing in and permissions.
  "auth.wrong_credentials": [],
  "auth.sign_in_required": [],
  "auth.token_invalid": [],
  "auth.csrf": [],
  "auth.admin_only": [],
  "auth.role_required": ["roles", "grants"],
  "auth.must_change_password": [],
  "auth.current_password_wrong": [],
  "auth.password_unchanged": [],
  "auth.history_forbidden": [],
  "auth.rate_limited": ["seconds"],

  // The request itself.
  "request.too_large": [],
  "request.unsupported_media_type": [],
  "request.not_acceptable": [],
  "request.invalid_json": [],
  "request.empty_body": [],
  "request.precondition_required": [],
  "request.unparseable_url": [],
  "request.method_not_allowed": [],
  "request.no_file": [],

  // Server state.
  "server.error": [],
  "server.starting": [],
  "server.database_unavailable": [],
  "server.seeding": [],

  // Fields of a JSON body, query or path (zod schema validation and service checks).
  "validation.required": ["field"],
  "validation.invalid_type": ["field", "expected"],
  "validation.too_small": ["field", "minimum"],
  "validation.too_big": ["field", "maximum"],
  "validation.too_short": ["field", "minimum"],
  "validation.too_long": ["field", "maximum"],
  "validation.invalid_value": ["field", "options"],
  "validation.invalid_format": ["field", "format"],
  "validation.unrecognized_keys": ["field", "keys"],
  "validation.invalid": ["field"],

  // File imports: the whole report and each problem item (row, column, value and the reason code).
  "import.nothing_imported": ["count"],
  "import.empty_file": [],
  "import.header_unusable": [],
  "import.not_csv": [],
  "import.header_missing": ["row"],
  "import.unknown_column": ["column", "expected"],
  "import.duplicate_column": ["column"],
  "import.missing_column": ["column"],
  "import.field_count": ["row", "found", "expected"],
  "import.required": ["row", "column"],
  "import.not_a_number": ["row", "column", "value"],
  "import.decimal_comma": ["row", "column", "value"],
  "import.not_finite": ["row", "column", "value"],
  "import.unknown_city": ["row", "column", "value"],
  "import.unknown_indicator": ["row", "column", "value"],
  "import.bad_period": ["row", "column", "value"],
  "import.too_long": ["row", "column", "max"],
  "import.bad_choice": ["row", "column", "value", "options"],
  "import.not_city_editor": ["row", "column", "value"],
  "import.invalid_csv": ["row"],
  "import.not_a_date": ["row", "column", "value"],

  // Records that do not exist.
  "not_found.route": ["method", "path"],
  "not_found.city": ["id"],
  "not_found.indicator": ["id"],
  "not_found.source": ["id"],
  "not_found.user": ["id"],
  "not_found.token": ["id"],
  "not_found.programme": ["id"],
  "not_found.call": ["id"],
  "not_found.application": ["id"],
  "not_found.cooperation": ["id"],
  "not_found.action": ["id"],
  "not_found.kpi": ["id"],
  "not_found.activity": ["id"],
  "not_found.output": ["id"],
  "not_found.organisation": ["id"],
  "not_found.commitment": ["id"],
  "not_found.pilot": ["id"],
  "not_found.fund_application": ["id"],
  "not_found.practice": ["id"],
  "not_found.inventory": ["id"],
  "not_found.target": ["id"],
  "not_found.emission_factor": ["id"],
  "not_found.district": ["id"],
  "not_found.vision_process": ["id"],
  "not_found.vision_document": ["id"],
  "not_found.statement": ["id"],
  "not_found.readiness_assessment": ["id"],

  // Conflicts with the record's current state.
  "conflict.stale_version": [],
  "conflict.process_closed": ["id"],
  "conflict.inventory_final": ["id"],

  // Codes of the rarer refusals (each its own, so that clients can say it in the user's language).
  "conflict.practice_exists": ["id"],
  "conflict.statement_hidden": ["id"],
  "conflict.statement_pending": ["id"],
  "conflict.own_statement": [],
  "conflict.email_taken": ["email"],
  "conflict.disable_self": [],
  "conflict.inventory_already_final": ["id"],
  "conflict.inventory_already_draft": ["id"],
  "conflict.inventory_exists": ["city", "cityNameEn", "cityNameZh", "year", "id"],
  "conflict.emission_factor_exists": ["id"],
  "conflict.already_applied": ["city", "cityNameEn", "cityNameZh", "id", "status"],
  "conflict.call_not_open": ["date"],
  "conflict.call_closed": ["date"],
  "conflict.screening_move": ["from", "to"],
  "not_found.role_grant": ["id", "role", "scope"],
  "not_found.station": ["id", "city"],
  "not_found.readiness_subject": ["kind", "id"],
  "validation.length": ["field", "minimum", "maximum"],
  "validation.invalid_text": ["field"],
  "validation.unknown_city": ["field", "value"],
  "validation.unknown_source": ["field", "value"],
  "validation.unknown_organisation": ["field", "value"],
  "validation.unknown_practice": ["field", "value"],
  "validation.unknown_pilot": ["field", "value"],
  "validation.unknown_indicator": ["field", "value"],
  "dates.end_before_start": ["start", "end"],
  "practice.invalid": ["field", "count"],
  "practice.id_mismatch": ["id"],
  "programme.unknown_side": ["side", "sides"],
  "application.override_needs_note": ["status"],
  "cooperation.city_twice": ["city", "cityNameEn", "cityNameZh"],
  "cooperation.lead_count": ["count"],
  "cooperation.not_a_member": ["field", "value"],
  "action.done_needs_100": [],
  "kpi.owner_required": [],
  "kpi.action_and_pilot": [],
  "kpi.action_not_in_cooperation": ["id"],
  "kpi.target_before_baseline": ["date"],
  "pilot.other_cooperation": ["id", "cooperation"],
  "inventory.cannot_finalise": ["count"],
  "inventory.not_an_inventory": [],
  "inventory.activities_invalid": ["count"],
  "emission_factor.invalid": ["count"],
  "target.year_order": ["base"],
  "target.net_zero_before_target": ["target"],
  "target.bau_required": [],
  "measure.full_before_start": ["start"],
  "pathway.constant_rate_zero": [],
  "readiness.stakeholders_inconsistent": ["count"],
  "vision.unknown_token": [],
  "vision.document_links_invalid": ["count"],
  "permissions.unknown_writes": ["count"],
  "pairing.invalid_request": ["count"],
  "pairing.invalid_pairs": ["count"],
  "pairing.infeasible": ["count"],
  "pairing.no_assignment": [],
  "impact.unknown_indicators": ["codes"],
  "impact.treated_not_in_panel": ["unit", "unitNameEn", "unitNameZh"],
  "impact.no_yearly_values": ["city", "cityNameEn", "cityNameZh", "indicator", "indicatorNameEn", "indicatorNameZh"],
  "impact.donors_not_cities": ["count"],
  "impact.no_donor": ["city", "cityNameEn", "cityNameZh", "rule"],
  "impact.value_not_finite": ["unit", "unitNameEn", "unitNameZh", "year"],
  "impact.no_pre_period": ["unit", "unitNameEn", "unitNameZh", "start"],
  "impact.no_post_period": ["unit", "unitNameEn", "unitNameZh", "start"],
  "impact.no_complete_donor": ["from", "to", "count"],
  "impact.not_a_member": ["city", "cityNameEn", "cityNameZh", "cooperation", "cooperationNameEn", "cooperationNameZh"],
  "impact.no_start": [],
  "air.no_city_near": ["km"],
  "air.unknown_format": [],
  "air.uci_needs_city": [],
  "air.no_measurements": [],
  "air.station_other_city": ["station", "city", "cityNameEn", "cityNameZh"],
  "aqi.invalid_value": ["field", "value"],
  "import.too_many_rows": ["max"],
  "import.invalid_json": [],
  "import.not_practice_list": [],
  "import.missing_columns": ["columns"],

  // A refused status change of a cooperation: the engine gives the reason in both languages.
  "cooperation.transition_refused": ["en", "zh"],
} as const satisfies Record<string, readonly string[]>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
export type ProblemParams = Record<string, string | number>;

/**
 * A param that holds a slug or a code (`city: "chongqing-cn"`, `indicator: "air.pm25_annual"`) and
 * the names of what it names beside it, `<key>NameEn` and `<key>NameZh` (left out when there is no
 * Chinese name), so a client says "重庆市" rather than the slug; the slug stays for API users and as
 * the fallback. Params stay flat strings (ProblemParams).
 */
export function namedParam(key: string, value: string, names: { en: string; zh?: string | null } | null | undefined): ProblemParams {
  const out: ProblemParams = { [key]: value };
  if (names?.en) out[`${key}NameEn`] = names.en;
  if (names?.zh) out[`${key}NameZh`] = names.zh;
  return out;
}

/** The generic codes: the client may prefer the server's specific English detail over their text. */
export const GENERIC_PROBLEM_CODES: readonly ProblemCode[] = ["invalid_input", "not_found", "conflict", "forbidden", "request.invalid", "item.invalid"];

/** What a "not found" names: its code, its English label and the key it is looked up by. */
export const NOT_FOUND_KINDS = {
  city: ["city", "slug"],
  indicator: ["indicator", "code"],
  source: ["source", "id"],
  programme: ["programme", "id"],
  call: ["call", "id"],
  application: ["application", "id"],
  cooperation: ["cooperation", "id"],
  action: ["action", "id"],
  kpi: ["KPI", "id"],
  activity: ["activity", "id"],
  output: ["output", "id"],
  organisation: ["organisation", "id"],
  commitment: ["commitment", "id"],
  pilot: ["pilot project", "id"],
  fund_application: ["fund application", "id"],
  practice: ["practice", "id"],
  inventory: ["inventory", "id"],
  target: ["target", "id"],
  emission_factor: ["emission factor", "id"],
  district: ["district", "id"],
  vision_process: ["vision process", "id"],
  vision_document: ["vision document", "id"],
  statement: ["statement", "id"],
  readiness_assessment: ["readiness assessment", "id"],
} as const satisfies Record<string, readonly [string, string]>;

export type NotFoundKind = keyof typeof NOT_FOUND_KINDS;

/**
 * Reasons of problem items phrased the same everywhere, mapped to their code when the code that
 * found the problem did not set one (exact text only).
 */
export const ITEM_REASON_CODES: Record<string, ProblemCode> = {
  "is required": "validation.required",
  "is not a number": "import.not_a_number",
  "is not a finite number": "import.not_finite",
  "appears twice in the header": "import.duplicate_column",
  "is missing from the header": "import.missing_column",
  "the header row is missing": "import.header_missing",
  "is not a date": "import.not_a_date",
};
