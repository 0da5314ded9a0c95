/** ECharts, imported module by module to keep the bundle small. */
import * as echarts from "echarts/core";
import { LineChart, ScatterChart } from "echarts/charts";
import {
  GeoComponent, GridComponent, LegendComponent, MarkLineComponent,
  TooltipComponent, VisualMapContinuousComponent, DataZoomInsideComponent,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  LineChart, ScatterChart, GeoComponent, GridComponent, LegendComponent, MarkLineComponent,
  TooltipComponent, VisualMapContinuousComponent, DataZoomInsideComponent, CanvasRenderer,
]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;

let worldLoading: Promise<void> | null = null;

/** Registers the offline world map ("world") once; names are keyed by ISO alpha-2. */
export function loadWorldMap(): Promise<void> {
  worldLoading ??= import("@surbowl/world-geo-json-zh/world.zh.json").then((mod) => {
    const geo = (mod as { default?: unknown }).default ?? mod;
    echarts.registerMap("world", geo as Parameters<typeof echarts.registerMap>[1]);
  });
  return worldLoading;
}
