/** Small display helpers shared by the programme pages. */
import { Space, Tag, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Lang } from "../api";
import { countryName } from "../countries";
import { formatNumber, formatPeriod } from "../lang";
import type { ApplicationStatus, EligibilityRules, Names, ProgrammeSide, Texts } from "./api";

/** Text in the chosen language, else the other one with a small language marker; null when neither. */
export function pickText(t: Names | Texts, lang: Lang): { text: string; fallback: boolean } | null {
  const mine = lang === "zh" ? t.zh : t.en;
  const other = lang === "zh" ? t.en : t.zh;
  if (mine) return { text: mine, fallback: false };
  if (other) return { text: other, fallback: true };
  return null;
}

/** Shows a bilingual text, or "not yet reported" (尚未报告) when it is empty. */
export function BiText({ value, testId }: { value: Names | Texts; testId?: string }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language?.startsWith("zh") ? "zh" : "en";
  const p = pickText(value, lang);
  if (!p) return <NotReported testId={testId} />;
  return (
    <span data-testid={testId}>
      {p.text}
      {p.fallback && <Tag style={{ marginLeft: 6 }} aria-label={lang === "zh" ? t("lang.en", "English") : t("lang.zh", "中文")}>{lang === "zh" ? "EN" : "中"}</Tag>}
    </span>
  );
}

export function NotReported({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return <Typography.Text type="secondary" italic data-testid={testId}>{t("common.notYetReported")}</Typography.Text>;
}

/** Title in the chosen language, with the other one as secondary. */
export function TwoNames({ names, lang }: { names: Names; lang: Lang }) {
  const main = lang === "zh" ? names.zh ?? names.en : names.en;
  const other = lang === "zh" ? (names.zh ? names.en : null) : names.zh;
  return (
    <>
      {lang === "zh" && !names.zh ? <span lang="en">{main}</span> : main}
      {other && other !== main && <Typography.Text type="secondary" style={{ fontWeight: 400, marginLeft: 8 }} lang={lang === "zh" ? "en" : "zh-CN"}>{other}</Typography.Text>}
    </>
  );
}

export function periodText(start: string | null, end: string | null, lang: Lang, t: TFunction): string {
  if (!start && !end) return t("common.notYetReported");
  const f = (d: string | null) => (d ? formatPeriod(d, lang) : t("common.notYetReported"));
  return `${f(start)} – ${f(end)}`;
}

export function ThemeTags({ themes }: { themes: string[] }) {
  const { t } = useTranslation();
  if (themes.length === 0) return <NotReported />;
  return <Space size={4} wrap>{themes.map((th) => <Tag key={th} color="blue" data-testid={`theme-${th}`}>{t(`programmes.theme.${th}`, { defaultValue: th })}</Tag>)}</Space>;
}

const STATUS_COLOR: Record<ApplicationStatus, string> = { submitted: "default", eligible: "cyan", ineligible: "orange", accepted: "green", declined: "red" };

/** A status as a coloured tag that carries the word (colour is never the only signal). */
export function ApplicationStatusTag({ status, testId }: { status: ApplicationStatus; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]} data-testid={testId}>{t(`programmes.application.statuses.${status}`)}</Tag>;
}

/** The eligibility rules in words, e.g. "At least 50,000 inhabitants". */
export function rulesInWords(rules: EligibilityRules, sides: ProgrammeSide[], lang: Lang, t: TFunction): string[] {
  const out: string[] = [];
  for (const s of sides) {
    if (s.countries.length === 0) continue;
    const side = lang === "zh" ? s.names.zh ?? s.names.en : s.names.en;
    out.push(t("programmes.rules.sideCountries", { side, countries: s.countries.map((c) => countryName(c, lang)).join(lang === "zh" ? "、" : ", ") }));
  }
  if (rules.minPopulation) out.push(t("programmes.rules.minPopulation", { value: formatNumber(rules.minPopulation, lang) }));
  if (rules.requireInventory) out.push(t("programmes.rules.requireInventory"));
  if (rules.requireTarget) out.push(t("programmes.rules.requireTarget"));
  if (rules.requirePlan) out.push(t("programmes.rules.requirePlan"));
  return out;
}
