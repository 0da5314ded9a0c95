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

export interface DatabaseSchema {
  sources: SourcesTable;
  cities: CitiesTable;
  indicators: IndicatorsTable;
  observations: ObservationsTable;
}
