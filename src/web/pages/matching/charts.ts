/** The ECharts chart types the matchmaking pages draw, registered once beside the shared ones (src/web/echarts.ts). */
import { BarChart, HeatmapChart } from "echarts/charts";
import { echarts } from "../../echarts";

echarts.use([BarChart, HeatmapChart]);

export { echarts };
