import type { Generated } from "kysely";

/** Kysely table types. Rows here are driver rows: repositories turn them into domain types. */

export interface SourcesTable {
  id: string;
  citation: string;
  url: string | null;
  licence: string | null;
  created_at: string;
}

export interface CitiesTable {
  slug: string;
  geonames_id: number | null;
  name_en: string;
  name_zh: string | null;
  name_local: string | null;
  country: string;
  region: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  population: number | null;
  population_year: number | null;
  population_source: string | null;
  area_km2: number | null;
  timezone: string | null;
  /** Folded names for `q` search (see foldText). */
  search_key: string;
}

export interface IndicatorsTable {
  code: string;
  theme: string;
  name_en: string;
  name_zh: string;
  unit: string;
  direction: string | null;
  description_en: string | null;
  description_zh: string | null;
  /** JSON array of ReferenceValue. */
  references_json: string;
  sort_order: number;
}

export interface ObservationsTable {
  city_slug: string;
  indicator_code: string;
  period: string;
  value: number;
  source_id: string;
  note: string | null;
  imported_by: string;
  imported_at: string;
  /** 0009: the source's own name for the place, how it was matched, measured/modelled/reported, quality fields. */
  place: string | null;
  match: string | null;
  basis: string | null;
  quality: string | null;
}

/** Climate (0003): the emission factor library; gases_json is GasValue[]; builtin is 0/1. */
export interface EmissionFactorsTable {
  id: string;
  name_en: string;
  name_zh: string | null;
  kind: string;
  gases_json: string;
  ncv_tj_per_gg: number | null;
  year: number | null;
  region: string | null;
  source_id: string;
  note: string | null;
  builtin: number;
  created_by: string;
  created_at: string;
}

export interface InventoriesTable {
  id: string;
  city_slug: string;
  year: number;
  status: string;
  gwp: string;
  population: number | null;
  population_source: string | null;
  notes: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  finalised_at: string | null;
}

export interface InventoryActivitiesTable {
  inventory_id: string;
  position: number;
  gpc: string;
  activity_json: string;
}

export interface TargetsTable {
  id: string;
  city_slug: string;
  type: string;
  name_en: string | null;
  name_zh: string | null;
  base_year: number;
  base_emissions: number;
  target_year: number;
  reduction_pct: number | null;
  target_level: number | null;
  base_population: number | null;
  net_zero_year: number | null;
  method: string;
  sectors_json: string;
  gases_json: string;
  bau_json: string | null;
  budget_tco2e: number | null;
  budget_source: string | null;
  source: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ClimateActionsTable {
  id: string;
  city_slug: string;
  name_en: string;
  name_zh: string | null;
  sector: string | null;
  start_year: number;
  full_year: number;
  reduction_tco2e: number;
  source: string | null;
  created_by: string;
  created_at: string;
}

/** Practices (0004): JSON as text, measured is 0/1; the full-text index is FTS5 (SQLite) or the search_vector column (PostgreSQL). */
export interface PracticesTable {
  id: string;
  doc: number;
  title_en: string | null;
  title_zh: string | null;
  summary_en: string | null;
  summary_zh: string | null;
  city: string;
  city_slug: string | null;
  country: string;
  region: string | null;
  start_year: number | null;
  end_year: number | null;
  measures_json: string;
  cost_json: string | null;
  transferability: string | null;
  assessment_json: string | null;
  measured: number;
  themes_mask: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Copy of the searchable attributes of a practice, keyed by doc (see migration 0004). */
export interface PracticeFacetsTable {
  doc: number;
  measured: number;
  themes_mask: number;
  country: string;
  region: string | null;
}

export interface PracticeThemesTable {
  practice_id: string;
  theme: string;
}

export interface PracticeSourcesTable {
  practice_id: string;
  position: number;
  source_id: string;
  title: string;
  publisher: string | null;
  year: number | null;
}

export interface PracticeOutcomesTable {
  practice_id: string;
  position: number;
  metric: string;
  value: number;
  value_max: number | null;
  unit: string;
  baseline: number | null;
  year: number | null;
  note: string | null;
  indicator_code: string | null;
  kind: string;
  source_id: string;
}

/** Air quality (migration 0002-air): stations and their imported hourly data's daily and annual aggregates. */
export interface AirStationsTable {
  id: string;
  city_slug: string;
  name: string;
  format: string;
  external_id: string;
  lat: number | null;
  lon: number | null;
  source_id: string;
  first_date: string;
  last_date: string;
  days: number;
  imported_by: string;
  imported_at: string;
}

/** Per pollutant p of pm25, pm10, so2, no2, co, o3: `${p}_hours`, `${p}_mean`, `${p}_max1h`. */
export interface AirDailyTable {
  scope: string;
  subject: string;
  city_slug: string;
  date: string;
  stations: number;
  pm25_hours: number;
  pm25_mean: number | null;
  pm25_max1h: number | null;
  pm10_hours: number;
  pm10_mean: number | null;
  pm10_max1h: number | null;
  so2_hours: number;
  so2_mean: number | null;
  so2_max1h: number | null;
  no2_hours: number;
  no2_mean: number | null;
  no2_max1h: number | null;
  co_hours: number;
  co_mean: number | null;
  co_max1h: number | null;
  o3_hours: number;
  o3_mean: number | null;
  o3_max1h: number | null;
  o3_max8h: number | null;
  co_max8h: number | null;
  cn_standard: string;
  cn_aqi: number | null;
  cn_level: number | null;
  /** Comma-separated pollutant keys. */
  cn_primary: string;
  us_aqi: number | null;
  us_level: number | null;
  us_primary: string;
  eu_band: number | null;
  eu_primary: string;
  /** Comma-separated source ids. */
  sources: string;
  imported_at: string;
}

/** Per pollutant p: `${p}_mean`, `${p}_days`, `${p}_complete` (0/1). */
export interface AirAnnualTable {
  scope: string;
  subject: string;
  city_slug: string;
  year: number;
  pm25_mean: number | null;
  pm25_days: number;
  pm25_complete: number;
  pm10_mean: number | null;
  pm10_days: number;
  pm10_complete: number;
  so2_mean: number | null;
  so2_days: number;
  so2_complete: number;
  no2_mean: number | null;
  no2_days: number;
  no2_complete: number;
  co_mean: number | null;
  co_days: number;
  co_complete: number;
  o3_mean: number | null;
  o3_days: number;
  o3_complete: number;
  aqi_days: number;
  good_days: number;
  good_days_share: number | null;
  aqi_complete: number;
  category_days_json: string;
  exceedances_json: string;
  sources: string;
  imported_at: string;
}

/** Cooperation (0005): dates are ISO `YYYY-MM-DD` text; *_json columns hold JSON text; flags are 0/1. */
interface Editable {
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ProgrammesTable extends Editable {
  id: string;
  name_en: string;
  name_zh: string | null;
  description_en: string | null;
  description_zh: string | null;
  start_date: string | null;
  end_date: string | null;
  themes_json: string;
  sides_json: string;
  funder: string | null;
  eligibility_json: string;
  source_ids_json: string;
}

export interface CallsTable extends Editable {
  id: string;
  programme_id: string;
  title_en: string;
  title_zh: string | null;
  description_en: string | null;
  description_zh: string | null;
  side: string | null;
  opens_on: string | null;
  deadline: string;
  eligibility_json: string;
}

export interface ApplicationsTable {
  id: string;
  call_id: string;
  city_slug: string;
  themes_json: string;
  challenges: string | null;
  strengths: string | null;
  has_inventory: number;
  has_target: number;
  has_plan: number;
  contact_name: string | null;
  contact_email: string | null;
  status: string;
  eligibility_json: string;
  decision_note: string | null;
  submitted_at: string;
  decided_at: string | null;
  version: number;
  created_by: string;
  updated_at: string;
}

export interface CooperationsTable extends Editable {
  id: string;
  programme_id: string | null;
  name_en: string;
  name_zh: string | null;
  themes_json: string;
  start_date: string | null;
  end_date: string | null;
  status: string;
  origin: string;
  source_ids_json: string;
}

export interface CooperationMembersTable {
  cooperation_id: string;
  city_slug: string;
  role: string;
  side: string | null;
  joined_on: string | null;
}

export interface CooperationTransitionsTable {
  cooperation_id: string;
  position: number;
  from_status: string | null;
  to_status: string;
  on_date: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface ActionPlansTable {
  cooperation_id: string;
  key_focus_en: string | null;
  key_focus_zh: string | null;
  challenges_en: string | null;
  challenges_zh: string | null;
  objectives_en: string | null;
  objectives_zh: string | null;
  expected_results_en: string | null;
  expected_results_zh: string | null;
  benefits_en: string | null;
  benefits_zh: string | null;
  sdgs_json: string;
  urban_agenda_json: string;
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface OrganisationsTable extends Editable {
  id: string;
  name_en: string;
  name_zh: string | null;
  kind: string;
  country: string | null;
  sector: string | null;
  city_slug: string | null;
  website: string | null;
}

export interface PilotsTable extends Editable {
  id: string;
  cooperation_id: string;
  title_en: string;
  title_zh: string | null;
  description_en: string | null;
  description_zh: string | null;
  city_slug: string | null;
  start_date: string | null;
  end_date: string | null;
  budget: number | null;
  currency: string | null;
  status: string;
}

export interface ActionsTable extends Editable {
  id: string;
  cooperation_id: string;
  title_en: string;
  title_zh: string | null;
  theme: string | null;
  owner_city_slug: string | null;
  partner_ids_json: string;
  start_date: string | null;
  end_date: string | null;
  budget: number | null;
  currency: string | null;
  funding_source: string | null;
  status: string;
  completion_pct: number;
  impact_json: string;
  practice_id: string | null;
}

export interface KpisTable extends Editable {
  id: string;
  cooperation_id: string;
  action_id: string | null;
  pilot_id: string | null;
  indicator_code: string | null;
  city_slug: string | null;
  name_en: string;
  name_zh: string | null;
  unit: string;
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_year: number;
}

export interface KpiValuesTable {
  kpi_id: string;
  on_date: string;
  value: number;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface ActivitiesTable extends Editable {
  id: string;
  cooperation_id: string | null;
  programme_id: string | null;
  kind: string;
  title_en: string;
  title_zh: string | null;
  description_en: string | null;
  description_zh: string | null;
  start_date: string;
  end_date: string | null;
  place: string | null;
  organisation_ids_json: string;
  source_ids_json: string;
}

export interface OutputsTable {
  id: string;
  activity_id: string;
  kind: string;
  title_en: string;
  title_zh: string | null;
  on_date: string | null;
  url: string | null;
  pilot_id: string | null;
  created_by: string;
  created_at: string;
}

export interface FundApplicationsTable extends Editable {
  id: string;
  pilot_id: string;
  fund: string;
  submitted_on: string;
  amount_requested: number | null;
  currency: string | null;
  score: number | null;
  decision: string;
  decided_on: string | null;
  amount_awarded: number | null;
}

export interface CommitmentsTable extends Editable {
  id: string;
  organisation_id: string;
  cooperation_id: string;
  pilot_id: string | null;
  role: string;
  commitment_en: string | null;
  commitment_zh: string | null;
}

/** Accounts (0007): secrets are stored only as hashes; flags are 0/1. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  disabled: number;
  created_at: string;
  password_changed_at: string;
  /** 1 while the password is a one-time password (0014). */
  must_change_password?: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface RoleGrantsTable {
  user_id: string;
  role: string;
  scope_id: string;
  granted_by: string;
  granted_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  /** The server instance or command that wrote the row (0013); null on older rows. */
  instance: string | null;
}

/** Vision and readiness (0006): JSON as text; votes are 1 / -1 / 0. */
export interface DistrictsTable extends Editable {
  id: string;
  city_slug: string;
  name_en: string;
  name_zh: string | null;
  boundary_json: string | null;
}

export interface VisionProcessesTable extends Editable {
  id: string;
  district_id: string;
  question_en: string;
  question_zh: string | null;
  starts_on: string;
  ends_on: string | null;
  status: string;
}

export interface VisionParticipantsTable {
  id: string;
  process_id: string;
  display_name: string;
  stakeholder_group: string;
  token_hash: string;
  joined_at: string;
}

export interface VisionStatementsTable {
  id: string;
  process_id: string;
  author_id: string;
  text: string;
  language: string;
  aspect: string;
  kind: string;
  status: string;
  reason: string | null;
  moderated_by: string | null;
  moderated_at: string | null;
  created_at: string;
  version: number;
}

export interface VisionVotesTable {
  statement_id: string;
  participant_id: string;
  process_id: string;
  vote: number;
  voted_at: string;
}

export interface VisionDocumentsTable extends Editable {
  id: string;
  process_id: string;
  title_en: string;
  title_zh: string | null;
  text_en: string;
  text_zh: string | null;
  statement_ids_json: string;
}

export interface VisionDocumentTargetsTable {
  document_id: string;
  target_id: string;
}

export interface VisionDocumentActionsTable {
  document_id: string;
  action_id: string;
}

export interface ReadinessAssessmentsTable extends Editable {
  id: string;
  pilot_id: string | null;
  action_id: string | null;
  title: string | null;
  scores_json: string;
  city_role: string | null;
  role_note: string | null;
  partners_json: string;
  tensions_json: string;
}

export interface RuntimeStateTable {
  key: string;
  value: string;
}

export interface RateLimitsTable {
  bucket: string;
  client_key: string;
  /** Milliseconds since the epoch. */
  window_start: number;
  hits: number;
}

export interface DatabaseSchema {
  air_stations: AirStationsTable;
  air_daily: AirDailyTable;
  air_annual: AirAnnualTable;
  sources: SourcesTable;
  cities: CitiesTable;
  indicators: IndicatorsTable;
  observations: ObservationsTable;
  emission_factors: EmissionFactorsTable;
  inventories: InventoriesTable;
  inventory_activities: InventoryActivitiesTable;
  targets: TargetsTable;
  climate_actions: ClimateActionsTable;
  practices: PracticesTable;
  practice_themes: PracticeThemesTable;
  practice_facets: PracticeFacetsTable;
  practice_sources: PracticeSourcesTable;
  practice_outcomes: PracticeOutcomesTable;
  programmes: ProgrammesTable;
  calls: CallsTable;
  applications: ApplicationsTable;
  cooperations: CooperationsTable;
  cooperation_members: CooperationMembersTable;
  cooperation_transitions: CooperationTransitionsTable;
  action_plans: ActionPlansTable;
  organisations: OrganisationsTable;
  pilots: PilotsTable;
  actions: ActionsTable;
  kpis: KpisTable;
  kpi_values: KpiValuesTable;
  activities: ActivitiesTable;
  outputs: OutputsTable;
  fund_applications: FundApplicationsTable;
  commitments: CommitmentsTable;
  districts: DistrictsTable;
  vision_processes: VisionProcessesTable;
  vision_participants: VisionParticipantsTable;
  vision_statements: VisionStatementsTable;
  vision_votes: VisionVotesTable;
  vision_documents: VisionDocumentsTable;
  vision_document_targets: VisionDocumentTargetsTable;
  vision_document_actions: VisionDocumentActionsTable;
  readiness_assessments: ReadinessAssessmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  role_grants: RoleGrantsTable;
  audit_log: AuditLogTable;
  runtime_state: RuntimeStateTable;
  rate_limits: RateLimitsTable;
}
