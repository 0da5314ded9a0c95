import { useEffect, useRef } from "react";
import { echarts, type EChartsOption } from "../echarts";
import { ECHARTS_LOCALE, useLang } from "../lang";

export interface EChartProps {
  option: EChartsOption;
  /** What the chart shows, for screen readers (the table toggle carries the numbers). */
  ariaLabel: string;
  /** Content in its original language inside `ariaLabel` (a practice's own metric name), marked as such. */
  labelContent?: string;
  height?: number | string;
  onItemClick?: (data: unknown) => void;
  /** After a click on a legend entry hid or showed a series: each legend name with whether it is shown. */
  onLegendSelect?: (selected: Record<string, boolean>) => void;
  testId?: string;
}

/**
 * The element of an EChart carries its instance (ECharts' own getInstanceByDom needs the bundled
 * module): browser tests and a debugging console read the chart's state and positions from it.
 */
export type EChartElement = HTMLDivElement & { echartsInstance?: echarts.ECharts };

/** One ECharts instance in a div; re-created when the language changes (ECharts' locale is fixed at init). */
export function EChart({ option, ariaLabel, labelContent, height = 320, onItemClick, onLegendSelect, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;
  const legendRef = useRef(onLegendSelect);
  legendRef.current = onLegendSelect;
  const lang = useLang();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, null, { locale: ECHARTS_LOCALE[lang], renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (params) => clickRef.current?.(params.data));
    instance.on("legendselectchanged", (params) => legendRef.current?.((params as { selected: Record<string, boolean> }).selected));
    (el as EChartElement).echartsInstance = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      delete (el as EChartElement).echartsInstance;
      chart.current = null;
    };
  }, [lang]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, lang]);

  return <div ref={ref} role="img" aria-label={ariaLabel} data-label-content={labelContent} data-testid={testId} style={{ width: "100%", height }} />;
}
