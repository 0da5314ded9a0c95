/** Labels of the light SVG maps and charts (components/WorldLocator.tsx, monitoring/CooperationLinesMap.tsx, the sparklines, the impact bars); English and 简体中文. */
export const svgmapsEn = {
  lineTitle: "{{from}} — {{to}}: {{cooperation}}",
  pointTitle: "{{period}}: {{value}} {{unit}}",
};

export const svgmapsZh: typeof svgmapsEn = {
  lineTitle: "{{from}} — {{to}}：{{cooperation}}",
  pointTitle: "{{period}}：{{value}} {{unit}}",
};
