import { useTranslation } from "react-i18next";
import type { Source } from "../../api";
import { SourceList } from "../../components/SourceList";
import { formatNumber, formatPeriod, useLang } from "../../lang";
import type { ComparedIndicator } from "../../matching/api";
import { unitName } from "../../units";

/**
 * Two cities on the indicators that drove a match: per indicator, a bar for each city as long as
 * its standing (the share of all cities it does better than, so that indicators of different units
 * share one scale), with the value, unit and period written beside it; the sources under it.
 * Drawn with CSS (`.cb-cmp*` in style.css), not ECharts: the first counterpart's comparison is open
 * on the tab's first paint, and a chart library of 760 kB for a dozen bars held that paint back
 * (issue 18.8). The values are text, so screen readers and translation read them as they are.
 */
export function CompareChart({ items, cityName, counterpartName, sources, testId }: {
  items: ComparedIndicator[]; cityName: string; counterpartName: string; sources: Source[] | undefined; testId?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (items.length === 0) return <div data-testid={testId}>{t("matching.compare.none")}</div>;
  const names = items.map((i) => `${i.names[lang]} (${unitName(i.unit, lang)})`);
  const ids = items.flatMap((i) => [i.city?.source, i.counterpart?.source].filter((s): s is string => !!s));
  const bar = (i: ComparedIndicator, side: "city" | "counterpart", who: string) => {
    const v = i[side];
    const standing = i.standing[side];
    const share = standing === null ? null : Math.round(standing * 100);
    return (
      <div className="cb-cmp-row" data-side={side}>
        <span className="cb-cmp-who">{who}</span>
        <span className="cb-cmp-track">
          <span className="cb-cmp-scale">{share !== null && <span className="cb-cmp-bar" style={{ width: `${share}%` }} />}</span>
          <span className="cb-cmp-share">{share === null ? "–" : `${formatNumber(share, lang)} %`}</span>
        </span>
        <span className="cb-cmp-value">
          {v ? t("matching.compare.value", { value: formatNumber(v.value, lang), unit: unitName(i.unit, lang), period: formatPeriod(v.period, lang) }) : t("common.notYetReported")}
        </span>
      </div>
    );
  };
  return (
    <div data-testid={testId}>
      <figure className="cb-cmp" aria-label={t("matching.compare.aria", { city: cityName, counterpart: counterpartName, indicators: names.join(", ") })}>
        <figcaption className="cb-cmp-legend">
          <span className="cb-cmp-key" data-side="city">{cityName}</span>
          <span className="cb-cmp-key" data-side="counterpart">{counterpartName}</span>
          <span className="cb-cmp-axis">{t("matching.compare.axis")}</span>
        </figcaption>
        {items.map((i, k) => (
          <section key={i.code} className="cb-cmp-indicator" data-testid="compare-indicator" data-indicator={i.code}>
            <div className="cb-cmp-name">{names[k]}</div>
            {bar(i, "city", cityName)}
            {bar(i, "counterpart", counterpartName)}
          </section>
        ))}
      </figure>
      <SourceList ids={ids} sources={sources} />
    </div>
  );
}
