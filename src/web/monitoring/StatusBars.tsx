/**
 * Horizontal bars: how many items per status, each bar labelled with its status word and its count
 * (not colour alone), drawn with CSS (styles: `.cb-bars*` in style.css). Replaces an ECharts bar chart:
 * a chart instance costs tens of milliseconds of script and layout on the first paint (issue 18.8),
 * and five counts need no axes, zoom or tooltip. The whole is one image for screen readers, named by
 * `ariaLabel` (the counts in words).
 */
import { formatNumber, useLang } from "../lang";

export interface StatusBarsProps {
  counts: Record<string, number>;
  keys: readonly string[];
  label: (key: string) => string;
  ariaLabel: string;
  testId?: string;
}

export function StatusBars({ counts, keys, label, ariaLabel, testId }: StatusBarsProps) {
  const lang = useLang();
  const max = Math.max(1, ...keys.map((k) => counts[k] ?? 0));
  return (
    <div className="cb-bars" role="img" aria-label={ariaLabel} data-testid={testId}>
      {keys.map((k) => {
        const n = counts[k] ?? 0;
        return (
          <div key={k} className="cb-bars-row" data-status={k}>
            <span className="cb-bars-label">{label(k)}</span>
            <span className="cb-bars-track">
              <span className="cb-bars-bar" style={{ width: `${(n / max) * 100}%` }} />
              <span className="cb-bars-count">{formatNumber(n, lang)}</span>
            </span>
          </div>
        );
      })}
    </div>
  );
}
