import type { Lang } from "../../api";
import type { AirCategory, AirDay, AirStandard, IndexFamily } from "../../air/api";

/** The standard a family's days are read under (China: the edition named by the day). */
export function standardOf(standards: AirStandard[], family: IndexFamily, id?: string): AirStandard | undefined {
  return standards.find((s) => (id ? s.id === id : s.family === family)) ?? standards.find((s) => s.family === family);
}

/** The category of a level (1–6) of a standard. */
export function categoryOf(standard: AirStandard | undefined, level: number | null): AirCategory | undefined {
  return level === null ? undefined : standard?.categories.find((c) => c.level === level);
}

/** Category text: its name in the chosen language. */
export function categoryName(c: AirCategory | undefined, lang: Lang): string {
  return c ? c[lang] : "—";
}

/** The day's index under a family, its standard and category. */
export function dayIndex(day: AirDay, family: IndexFamily, standards: AirStandard[]) {
  const i = day.indices[family];
  const standard = standardOf(standards, family, i.standard);
  return { ...i, standardInfo: standard, category: categoryOf(standard, i.level) };
}

/** Black or white text, whichever reads better on a category colour. */
export function textOn(hex: string): string {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? "#000" : "#fff";
}

/** A calendar day for display, in the chosen language. */
export function formatDay(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/** Whether a day is worse than moderate: AQI > 100 (China, US) or band 4 “Poor” and worse (EU). */
export function isBadDay(family: IndexFamily, value: number | null): boolean {
  if (value === null) return false;
  return family === "eu" ? value >= 4 : value > 100;
}
