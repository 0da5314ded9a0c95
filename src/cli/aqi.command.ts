import { Command, InvalidArgumentError, Option } from "commander";
import { airQualityIndex, type Concentrations, type IndexResult, type PollutantKey, type StandardChoice } from "../engines/aqi/index.js";
import { isPeriod } from "../domain/observation.js";
import { loadAqiTables } from "../services/aqi-tables.js";
import { CliError, EXIT } from "./run.js";

const STANDARDS = ["cn", "cn-2012", "cn-2026", "us-epa-2024", "eu-eaqi-2024"] as const;

/** Flag, result key and what the value is, per pollutant. */
const POLLUTANT_FLAGS: [flag: string, key: PollutantKey, help: string][] = [
  ["--pm25 <µg/m³>", "pm25", "PM2.5 (24-hour mean for a day; 1-hour value for an hour)"],
  ["--pm10 <µg/m³>", "pm10", "PM10 (as PM2.5)"],
  ["--so2 <µg/m³>", "so2", "SO2 (cn: 24-hour mean for a day, 1-hour for an hour; us: 1-hour)"],
  ["--no2 <µg/m³>", "no2", "NO2 (cn: 24-hour mean for a day, 1-hour for an hour; us: 1-hour)"],
  ["--co <mg/m³>", "co", "CO in mg/m³ (cn: as SO2; us: 8-hour)"],
  ["--o3-8h <µg/m³>", "o3_8h", "O3, maximum 8-hour mean (the moving 8-hour mean for an hour)"],
  ["--o3-1h <µg/m³>", "o3_1h", "O3, maximum 1-hour mean"],
  ["--o3 <µg/m³>", "o3", "O3, hourly mean (the European index; elsewhere read as --o3-1h)"],
];

function concentration(text: string): number {
  const t = text.trim();
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) throw new InvalidArgumentError(`"${text}" is not a number (use "." as decimal separator)`);
  const n = Number(t);
  if (n < 0) throw new InvalidArgumentError(`${text} is negative: concentrations are ≥ 0`);
  return n;
}

function date(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isPeriod(text)) throw new InvalidArgumentError(`"${text}" is not a date YYYY-MM-DD`);
  return text;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The --json shape of the issue: standard, aqi (or band), category {en, zh}, primary, subIndices. */
export function indexJson(r: IndexResult): Record<string, unknown> {
  return {
    standard: r.standard.id,
    [r.scale]: r.value,
    category: r.category ? { en: r.category.en, zh: r.category.zh } : null,
    primary: r.primary,
    subIndices: r.subIndices,
  };
}

function describe(r: IndexResult): string {
  const label = r.scale === "band" ? "band" : "AQI";
  const lines = [
    `${r.standard.name} (${r.standard.id}), ${r.period === "day" ? "daily" : "hourly"} index`,
    `${label} ${r.value} — ${r.category?.en} · ${r.category?.zh}`,
    `primary pollutant: ${r.primary.length > 0 ? r.primary.join(", ") : "none (the best category names none)"}`,
    `sub-indices: ${Object.entries(r.subIndices).map(([k, v]) => `${k} ${v}`).join(", ")}`,
  ];
  return `${lines.join("\n")}\n`;
}

type Opts = Partial<Record<PollutantKey, number>> & { standard: StandardChoice; date?: string; period: "day" | "hour"; json?: boolean; o3_8h?: number; o3_1h?: number };

export function aqiCommand(): Command {
  const aqi = new Command("aqi").description("air-quality indices: China HJ 633 (2012/2026), US EPA (2024), European AQI (2024)");
  const index = new Command("index")
    .description("compute the air-quality index of one day or hour from concentrations (µg/m³, CO mg/m³); any subset of pollutants")
    .addOption(new Option("--standard <id>", "cn (HJ 633 edition by --date) | cn-2012 | cn-2026 | us-epa-2024 | eu-eaqi-2024").choices(STANDARDS).makeOptionMandatory())
    .option("--date <YYYY-MM-DD>", "local date of the measurement; picks the cn edition (HJ 633-2026 from 2026-03-01); default today", date)
    .addOption(new Option("--period <period>", "day (daily report) or hour (real-time report)").choices(["day", "hour"]).default("day"))
    .option("--json", "print {standard, aqi|band, category, primary, subIndices} as JSON");
  for (const [flag, , help] of POLLUTANT_FLAGS) index.option(flag, help, concentration);
  index.action((opts: Opts) => {
    const input: Concentrations = {};
    const raw = opts as unknown as Record<string, number | undefined>;
    for (const [flag, key] of POLLUTANT_FLAGS) {
      const camel = flag.split(" ")[0]!.slice(2).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      if (raw[camel] !== undefined) input[key] = raw[camel];
    }
    if (Object.keys(input).length === 0) throw new CliError("give at least one pollutant, e.g. --pm25 35", EXIT.invalid);
    let when = opts.date;
    if (opts.standard === "cn" && when === undefined) {
      when = today();
      process.stderr.write(`no --date: using today, ${when}\n`);
    }
    const r = airQualityIndex(opts.standard, input, loadAqiTables(), { period: opts.period, date: when });
    if (r.beyondTable.length > 0) {
      const what = r.beyondTable.map((k) => `${k} ${input[k]} ${k === "co" ? "mg/m³" : "µg/m³"}`).join(", ");
      throw new CliError(`${what}: above the top of the ${r.standard.name} table, which defines no index there`, EXIT.invalid);
    }
    for (const note of r.notes) process.stderr.write(`note: ${note}\n`);
    if (r.value === null) throw new CliError(`${r.standard.name} indexes none of the pollutants given`, EXIT.invalid);
    process.stdout.write(opts.json ? `${JSON.stringify(indexJson(r))}\n` : describe(r));
  });
  aqi.addCommand(index);
  return aqi;
}
