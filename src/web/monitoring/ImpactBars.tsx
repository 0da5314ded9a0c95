/**
 * Expected against achieved impact per unit as CSS bars (issue 18.8: the programme's Monitoring tab
 * loads no ECharts). One group per unit, each scaled to its own largest value (tonnes and kWh are
 * not drawn on one axis); each bar labelled with its value, a legend above. The whole is one image
 * for screen readers, named by `ariaLabel` (the values in words).
 */
import { useTranslation } from "react-i18next";
import { useLang } from "../lang";
import { unitName } from "../units";
import { BarRow } from "./StatusBars";

export interface ImpactTotal { unit: string; expected: number; achieved: number }

export function ImpactBars({ totals, ariaLabel, testId }: { totals: ImpactTotal[]; ariaLabel: string; testId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const series = [
    { key: "expected", label: t("monitoring.expectedImpact"), value: (x: ImpactTotal) => x.expected },
    { key: "achieved", label: t("monitoring.achievedImpact"), value: (x: ImpactTotal) => x.achieved },
  ] as const;
  return (
    <div role="img" aria-label={ariaLabel} data-testid={testId}>
      <div className="cb-legend" aria-hidden>
        {series.map((s) => <span key={s.key}><span className={`cb-swatch cb-bars-bar--${s.key}`} />{s.label}</span>)}
      </div>
      {totals.map((x) => {
        const max = Math.max(Math.abs(x.expected), Math.abs(x.achieved)) || 1;
        return (
          <div key={x.unit} className="cb-impact-group" data-unit={x.unit}>
            <div className="cb-impact-unit">{unitName(x.unit, lang)}</div>
            <div className="cb-bars">
              {series.map((s) => <BarRow key={s.key} label={s.label} value={s.value(x)} share={Math.max(0, s.value(x)) / max} variant={s.key} data-series={s.key} />)}
            </div>
          </div>
        );
      })}
    </div>
  );
}
