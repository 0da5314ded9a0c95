import { useTranslation } from "react-i18next";
import type { Lang } from "./api";

/** BCP 47 tag used for `<html lang>` and Intl formatting. */
export const LOCALE_TAG: Record<Lang, string> = { en: "en-GB", zh: "zh-CN" };

/** ECharts' built-in locale names. */
export const ECHARTS_LOCALE: Record<Lang, string> = { en: "EN", zh: "ZH" };

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith("zh") ? "zh" : "en";
}

/** A number for display: grouped, with few decimals for large values. */
export function formatNumber(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  const maximumFractionDigits = abs >= 1000 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 4;
  return new Intl.NumberFormat(LOCALE_TAG[lang], { maximumFractionDigits }).format(value);
}

export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE_TAG[lang], { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** A period ("2019" or "2019-06-30") for display; full dates are formatted for the language. */
export function formatPeriod(period: string, lang: Lang): string {
  if (/^\d{4}$/.test(period)) return lang === "zh" ? `${period}年` : period;
  const d = new Date(`${period}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return period;
  return new Intl.DateTimeFormat(LOCALE_TAG[lang], { dateStyle: "medium", timeZone: "UTC" }).format(d);
}

/** Axis labels: compact for large magnitudes (180M, 1.8亿) so the axis stays narrow. */
export function formatAxis(value: number, lang: Lang): string {
  if (Math.abs(value) < 100_000) return formatNumber(value, lang);
  // en-GB abbreviates millions as "m"; "M" reads better on an axis.
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}
