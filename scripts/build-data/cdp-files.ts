// Read the six CDP-ICLEI city-wide emissions files into one record shape.
// Their columns differ per reporting year; each getter below names the header(s) used.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { accountingYear, cdpCountryToIso2, parseCdpLocation, pickGpcTotal, type LatLon, type TotalBasis } from "./cdp";
import { columnGetter, findHeader, readCsv } from "./io";
import { parsePlainNumber } from "./text";

export const CDP_FILES: Readonly<Record<number, string>> = {
  2016: "2016_-_Citywide_GHG_Emissions.csv",
  2017: "2017_-_Cities_Community_Wide_Emissions.csv",
  2018: "2018_City-wide_Emissions.csv",
  2019: "2019_City-wide_Emissions.csv",
  2020: "2020_-_City-Wide_Emissions.csv",
  2021: "2021_City-wide_Emissions.csv",
};

export interface CdpRecord {
  readonly reportingYear: number;
  readonly account: string;
  readonly country: string;
  readonly iso2: string | null;
  readonly names: readonly string[]; // City / City Short Name / Organization, as written
  readonly location: LatLon | null;
  readonly accountingYear: number | null;
  readonly total: { readonly value: number; readonly basis: TotalBasis; readonly label: string } | null;
  readonly scopesReported: readonly string[]; // which scope totals the row fills in
  readonly protocol: string;
  readonly boundary: string;
  readonly landAreaKm2: number | null;
  readonly population: number | null; // as reported in the row
}

/** 2017 "Scopes Included" → basis and label. */
function scopes2017(text: string): { basis: TotalBasis; label: string } {
  if (/BASIC/i.test(text)) return { basis: "basic", label: "BASIC: scopes 1+2 and waste scope 3" };
  if (/Scope 1 and Scope 2/i.test(text)) return { basis: "scope1+2", label: "total of scopes 1+2 (as reported)" };
  return { basis: "total", label: text.trim() ? `total (${text.trim()})` : "total emissions" };
}

function clean(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

function shorten(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Read one reporting year's file. */
export function readCdpFile(dir: string, reportingYear: number): CdpRecord[] {
  const file = CDP_FILES[reportingYear];
  if (!file) throw new Error(`no CDP file for ${reportingYear}`);
  const rows = readCsv(join(dir, file));
  const headers = Object.keys(rows[0] ?? {});
  const get = columnGetter(headers);
  const direct = findHeader(headers, /^direct emissions.*for total emissions \(excluding generation/);
  const indirect = findHeader(headers, /^indirect emissions.*for total emissions \(excluding generation/);
  return rows.map((row): CdpRecord => {
    const country = clean(get(row, "Country"));
    const scope1 = get(row, "Total Scope 1 Emissions (metric tonnes CO2e)");
    const scope2 = get(row, "Total Scope 2 Emissions (metric tonnes CO2e)", "TOTAL Scope 2 emissions (metric tonnes CO2e)");
    const scope3 = get(row, "Total Scope 3 emissions (metric tonnes CO2e)", "TOTAL Scope 3 Emissions");
    const scopesReported = (
      [["1", scope1], ["2", scope2], ["3", scope3]] as const
    ).filter(([, v]) => parsePlainNumber(v) !== null).map(([s]) => s);
    let total: CdpRecord["total"] = null;
    if (reportingYear === 2016) {
      const v = parsePlainNumber(get(row, "Total City-wide Emissions (metric tonnes CO2e)"));
      if (v !== null && v > 0) total = { value: v, basis: "total", label: "total city-wide emissions" };
    } else if (reportingYear === 2017) {
      const v = parsePlainNumber(get(row, "Total emissions (metric tonnes CO2e)"));
      if (v !== null && v > 0) total = { value: v, ...scopes2017(get(row, "Scopes Included") ?? "") };
    } else {
      const picked = pickGpcTotal({
        basic: get(row, "Total BASIC Emissions (GPC)"),
        basicPlus: get(row, "Total BASIC+ Emissions (GPC)"),
        scope1,
        scope2,
        scope1ExclGrid: direct ? row[direct] : undefined,
        scope2ExclGrid: indirect ? row[indirect] : undefined,
      });
      const labels: Record<TotalBasis, string> = {
        basic: "BASIC (GPC)",
        "basic+": "BASIC+ (GPC)",
        "scope1+2":
          picked?.scopesFrom === "excl-grid-row"
            ? "scopes 1+2: sum of direct and indirect emissions on the row 'Total emissions (excluding generation of grid-supplied energy)' (no BASIC or scope totals reported)"
            : "scopes 1+2: sum of the scope 1 and scope 2 totals (no BASIC total reported)",
        total: "total",
      };
      if (picked) total = { value: picked.value, basis: picked.basis, label: labels[picked.basis] };
    }
    const boundary = [
      clean(get(row, "Administrative city boundary", "Inventory Boundary", "Boundary")),
      clean(get(row, "Inventory boundary (compared to Administrative city boundary)")),
    ].filter((b) => b !== "" && b !== "0");
    return {
      reportingYear,
      account: clean(get(row, "Account Number")),
      country,
      iso2: cdpCountryToIso2(country),
      names: [get(row, "City"), get(row, "City Short Name"), get(row, "Organization"), get(row, "City Name")]
        .map(clean)
        .filter((n) => n !== ""),
      location: parseCdpLocation(get(row, "City Location")),
      accountingYear: accountingYear(get(row, "Accounting Year", "Measurement Year")),
      total,
      scopesReported,
      protocol: shorten(clean(get(row, "Primary Protocol", "Protocol", "Primary Methodology"))),
      boundary: shorten(boundary.join(", inventory: ")),
      landAreaKm2: positive(parsePlainNumber(get(row, "Land area (in square km)"))),
      population: positive(parsePlainNumber(get(row, "Population", "Current Population"))),
    };
  });
}

function positive(n: number | null): number | null {
  return n !== null && n > 0 ? n : null;
}

/** The "Data source:" address from a CDP README next to the file. */
export function readCdpReadmeUrl(dir: string, reportingYear: number): string {
  const text = readFileSync(join(dir, `README_${reportingYear}.md`), "utf8");
  const m = /Data source:\s*(\S+)/.exec(text);
  if (!m?.[1]) throw new Error(`no data source URL in README_${reportingYear}.md`);
  return m[1];
}

/** The title line of a CDP README ("# 2019 City-wide Emissions"). */
export function readCdpReadmeTitle(dir: string, reportingYear: number): string {
  const text = readFileSync(join(dir, `README_${reportingYear}.md`), "utf8");
  return /^#\s*(.+)$/m.exec(text)?.[1]?.trim() ?? `${reportingYear} City-wide Emissions`;
}
