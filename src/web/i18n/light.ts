/** Labels of the light controls (components/PlainTable.tsx, the impact table's indicator picker); English and 简体中文. */
export const lightEn = {
  details: "Details",
  expand: "Show details",
  collapse: "Hide details",
  addIndicator: "Add an indicator…",
  removeIndicator: "Remove {{name}}",
  maxIndicators: "At most {{n}} indicators",
};

export const lightZh: typeof lightEn = {
  details: "详情",
  expand: "显示详情",
  collapse: "隐藏详情",
  addIndicator: "添加指标…",
  removeIndicator: "移除{{name}}",
  maxIndicators: "最多 {{n}} 个指标",
};
