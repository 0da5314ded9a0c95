/** Small building blocks of the monitoring views: a traffic light that carries its word, text with a language marker. */
import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Lang } from "../api";
import { pick, type KpiStatus, type Names } from "./api";

const TAG_COLOURS: Record<KpiStatus, string> = { on_track: "success", at_risk: "warning", off_track: "error", no_data: "default" };
const SYMBOLS: Record<KpiStatus, string> = { on_track: "●", at_risk: "▲", off_track: "■", no_data: "○" };

/** A KPI status: colour, a shape and the word (colour is never the only signal). */
export function KpiLight({ status, testId }: { status: KpiStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={TAG_COLOURS[status]} data-testid={testId} data-status={status} style={{ fontWeight: 600 }}>
      <span aria-hidden="true">{SYMBOLS[status]} </span>{t(`monitoring.kpiStatus.${status}`)}
    </Tag>
  );
}

/** People's text in the chosen language, else the other one with a small marker; "not yet reported" when empty. */
export function Txt({ names, lang }: { names: Names | null | undefined; lang: Lang }) {
  const { t } = useTranslation();
  const p = pick(names, lang);
  if (!p.text) return <Typography.Text type="secondary" italic>{t("common.notYetReported")}</Typography.Text>;
  return (
    <>
      {p.fallback ? <span lang={lang === "zh" ? "en" : "zh-CN"}>{p.text}</span> : p.text}
      {p.fallback && <Typography.Text type="secondary" style={{ fontSize: "0.8em" }}> {t("monitoring.fallbackMarker")}</Typography.Text>}
    </>
  );
}

/** A date or "not yet reported". */
export function DateText({ date }: { date: string | null | undefined }) {
  const { t } = useTranslation();
  return date ? <>{date}</> : <Typography.Text type="secondary" italic>{t("common.notYetReported")}</Typography.Text>;
}
