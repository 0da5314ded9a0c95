/**
 * Labels of the pages that were reachable only through the API (issue 18.7): readiness from a
 * pilot or action, boundary drawing, daily air data and the emission factor library. English and 简体中文.
 */
export const dataPagesEn = {
  readiness: {
    assess: "Assess readiness",
    open: "Readiness assessment",
    openN_one: "Readiness assessment",
    openN_other: "Readiness assessments ({{count}})",
    readOnly: "You can read this assessment; its cooperation's member cities and programme managers change it.",
  },
  boundary: {
    draw: "Draw the boundary",
    stopDrawing: "Stop drawing",
    drawHint: "Press on the map, go round the district and release: the line closes itself. Drawing again replaces it.",
    mapHint: "The district's boundary (blue) and the city's other districts (grey, dashed). Or read it from a GeoJSON file below.",
    mapAria: "Map around {{city}} with the district boundaries",
    drawnPoints: "Drawn, {{count}} points",
  },
  process: {
    closeConfirm: "Close this process?",
    closeDetail: "Participants can no longer join, write statements or vote. The results stay; you can reopen it.",
    reopenConfirm: "Reopen this process?",
    reopenDetail: "Participants can join, write statements and vote again.",
    yes: "Yes",
    no: "Cancel",
  },
  airDaily: {
    title: "Daily values",
    about: "Computed by citybridge from the measured hourly concentrations imported for this city, under {{standard}} ({{scale}}). Concentrations are daily means in µg/m³ (CO mg/m³; O3 the highest 8-hour mean), left empty where a day has too few valid hours.",
    chartAria: "Daily {{scale}} in {{year}} under {{standard}}",
    csvYear: "Download CSV ({{year}})",
    csvAll: "Download CSV (every day)",
    date: "Date",
    primary: "Primary pollutant",
    standard: "Standard",
    stations: "Stations",
    prev: "Previous",
    next: "Next",
    page: "Page {{n}}: {{first}} – {{last}}",
    sources: "Sources of these days",
  },
};

export const dataPagesZh: typeof dataPagesEn = {
  readiness: {
    assess: "评估创新准备度",
    open: "创新准备度评估",
    openN_one: "创新准备度评估",
    openN_other: "创新准备度评估（{{count}}）",
    readOnly: "您可以查看此评估；由该城市合作的成员城市和合作项目负责人修改。",
  },
  boundary: {
    draw: "绘制边界",
    stopDrawing: "停止绘制",
    drawHint: "在地图上按下鼠标，沿街区绕行一周后松开：线条会自动闭合。再次绘制将替换原边界。",
    mapHint: "本街区边界（蓝色）与该城市其他街区（灰色虚线）。也可在下方从 GeoJSON 文件导入。",
    mapAria: "{{city}}周边地图及街区边界",
    drawnPoints: "已绘制，{{count}} 个点",
  },
  process: {
    closeConfirm: "结束此进程？",
    closeDetail: "参与者将不能再加入、提交意见或投票。结果会保留；之后可以重新开放。",
    reopenConfirm: "重新开放此进程？",
    reopenDetail: "参与者可以再次加入、提交意见和投票。",
    yes: "确定",
    no: "取消",
  },
  airDaily: {
    title: "逐日数据",
    about: "由 citybridge 根据为该城市导入的实测小时浓度计算，采用 {{standard}}（{{scale}}）。浓度为日均值，单位 µg/m³（CO 为 mg/m³；O3 为最大 8 小时平均）；有效小时数不足的日期留空。",
    chartAria: "{{year}}年逐日{{scale}}（{{standard}}）",
    csvYear: "下载 CSV（{{year}}年）",
    csvAll: "下载 CSV（全部日期）",
    date: "日期",
    primary: "首要污染物",
    standard: "标准",
    stations: "监测站数",
    prev: "上一页",
    next: "下一页",
    page: "第 {{n}} 页：{{first}} – {{last}}",
    sources: "这些日期的数据来源",
  },
};
