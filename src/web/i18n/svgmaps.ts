/** Labels of the light SVG maps and charts (components/WorldLocator.tsx, monitoring/CooperationLinesMap.tsx, the sparklines, the impact bars); English and 简体中文. */
export const svgmapsEn = {
  lineTitle: "{{from}} — {{to}}: {{cooperation}}",
  lineOpen: "{{from}} — {{to}}: {{cooperation}}. Open the cooperation",
  pointTitle: "{{period}}: {{value}} {{unit}}",
  impactUnit: "Unit",
};

export const svgmapsZh: typeof svgmapsEn = {
  lineTitle: "{{from}} — {{to}}：{{cooperation}}",
  lineOpen: "{{from}} — {{to}}：{{cooperation}}。打开该合作",
  pointTitle: "{{period}}：{{value}} {{unit}}",
  impactUnit: "单位",
};
