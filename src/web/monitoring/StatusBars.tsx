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
  const max = Math.max(1, ...keys.map((k) => counts[k] ?? 0));
  return (
    <div className="cb-bars" role="img" aria-label={ariaLabel} data-testid={testId}>
      {keys.map((k) => {
        const n = counts[k] ?? 0;
        return <BarRow key={k} label={label(k)} value={n} share={n / max} data-status={k} />;
      })}
    </div>
  );
}

/**
 * One bar of a `.cb-bars` list: its label, a bar as long as `share` (0–1) of the track, and the
 * value written after it. `variant` picks the bar's colour (`cb-bars-bar--expected`, …).
 */
export function BarRow({ label, value, share, variant, ...data }: { label: string; value: number; share: number; variant?: string } & Record<`data-${string}`, string>) {
  const lang = useLang();
  return (
    <div className="cb-bars-row" {...data}>
      <span className="cb-bars-label">{label}</span>
      <span className="cb-bars-track">
        <span className={variant ? `cb-bars-bar cb-bars-bar--${variant}` : "cb-bars-bar"} style={{ width: `${share * 100}%` }} />
        <span className="cb-bars-count">{formatNumber(value, lang)}</span>
      </span>
    </div>
  );
}
