import { useState } from "react";
import { Button, Card, Progress, Space, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { cityName, type Source } from "../../api";
import { countryName } from "../../countries";
import { formatNumber, useLang } from "../../lang";
import type { CounterpartResult } from "../../matching/api";
import { CompareChart } from "./CompareChart";
import { confidenceLevel, FACTOR_COLORS, reasonText } from "./reasonText";
import { CityName } from "../../components/Orig";

/** The reasons' shares of the score as one stacked bar (each part titled with its factor). */
function ShareBar({ reasons, label }: { reasons: CounterpartResult["reasons"]; label: string }) {
  const { t } = useTranslation();
  const parts = reasons.filter((r) => r.share > 0);
  return (
    <div role="img" aria-label={label} style={{ display: "flex", height: 10, borderRadius: 4, overflow: "hidden", background: "#eef1f5", maxWidth: 420 }}>
      {parts.map((r, i) => (
        <Tooltip key={i} title={`${t(`matching.factors.${r.factor}`)} ${Math.round(r.share * 100)} %`}>
          <div style={{ width: `${r.share * 100}%`, background: FACTOR_COLORS[r.factor] ?? "#999" }} />
        </Tooltip>
      ))}
    </div>
  );
}

/** One counterpart: link, score bar, confidence (word and number, low flagged), reasons with shares, and the comparison chart on demand. */
export function CounterpartCard({ r, cityLabel, indicatorName, sources, open: initiallyOpen }: {
  r: CounterpartResult; cityLabel: string; indicatorName: (code: string) => string; sources: Source[] | undefined; open: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(initiallyOpen);
  const name = cityName(r.names, lang);
  const level = confidenceLevel(r.confidence);
  return (
    <Card size="small" data-testid={`counterpart-${r.city}`}>
      <Space orientation="vertical" size={6} style={{ width: "100%" }}>
        <Space wrap size="middle" align="center">
          <Link to={`/cities/${r.city}`} style={{ fontWeight: 600, fontSize: 16 }} data-testid="counterpart-link"><CityName names={r.names} /></Link>
          <Typography.Text type="secondary">{countryName(r.country, lang)}</Typography.Text>
          <span style={{ minWidth: 220, display: "inline-block" }} aria-label={t("matching.scoreAria", { score: formatNumber(r.score, lang) })}>
            <Typography.Text type="secondary">{t("matching.score")} </Typography.Text>
            <Progress percent={Math.round(r.score * 100)} size="small" format={() => formatNumber(r.score, lang)} style={{ width: 160, margin: 0 }} data-testid="counterpart-score" />
          </span>
          <span data-testid="counterpart-confidence">
            <Typography.Text type="secondary">{t("matching.confidence")}: </Typography.Text>
            <Tag color={level === "high" ? "green" : level === "medium" ? "gold" : "red"}>
              {t(`matching.confidenceLevel.${level}`)} {formatNumber(r.confidence, lang)}
            </Tag>
          </span>
        </Space>
        {level === "low" && <Typography.Text type="warning" data-testid="low-confidence">{t("matching.lowConfidenceNote")}</Typography.Text>}
        <ShareBar reasons={r.reasons} label={t("matching.shareAria")} />
        <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="counterpart-reasons">
          {r.reasons.map((reason, i) => (
            <li key={i} data-testid="counterpart-reason">
              <span style={{ display: "inline-block", width: 10, height: 10, background: FACTOR_COLORS[reason.factor] ?? "#999", marginRight: 6, borderRadius: 2 }} aria-hidden />
              <strong>{t(`matching.factors.${reason.factor}`, { defaultValue: reason.factor })}</strong> {Math.round(reason.share * 100)} % — {reasonText(reason, t, lang, indicatorName)}
            </li>
          ))}
        </ul>
        <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="counterpart-compare-toggle">
          {open ? t("matching.compare.hide") : t("matching.compare.show")}
        </Button>
        {open && (
          <>
            <Typography.Text strong>{t("matching.compare.title", { city: cityLabel, counterpart: name })}</Typography.Text>
            <CompareChart items={r.compare} cityName={cityLabel} counterpartName={name} sources={sources} testId="counterpart-compare" />
          </>
        )}
      </Space>
    </Card>
  );
}
