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
}
