import type { Messages } from "./en";

/** 简体中文 labels; words follow docs/UI.md (城市, 指标, 数据来源, 尚未报告 …). */
export const zh: Messages = {
  app: { name: "citybridge", tagline: "服务城市间气候合作的城市概况与指标", skip: "跳到正文" },
  nav: { map: "地图", cities: "城市", more: "更多", import: "导入与导出数据", mainMenu: "主菜单" },
  search: { placeholder: "搜索城市（中文或英文）", label: "搜索城市", noMatch: "未找到城市", searching: "正在搜索…" },
  lang: { label: "语言", en: "English", zh: "中文" },
  common: {
    loading: "正在加载…", retry: "重试", error: "出错了", errorDetail: "服务器无法响应：{{message}}",
    notYetReported: "尚未报告", source: "数据来源", sources: "数据来源", licence: "许可协议", unit: "单位",
    period: "时期", value: "数值", city: "城市", indicator: "指标", note: "备注", none: "—",
    table: "表格", chart: "图表", showTable: "显示表格", showChart: "显示图表", link: "链接", backHome: "返回地图",
    empty: "暂无内容", notFound: "页面不存在", notFoundDetail: "此地址没有页面。",
  },
  themes: { context: "基本情况", ghg: "温室气体", energy: "能源", air: "空气质量", transport: "交通", congestion: "交通拥堵", green: "绿地", logistics: "物流", innovation: "创新", "culture and tourism": "文化和旅游", "vocational education": "职业教育", urbanisation: "城镇化", "ecological environment": "生态环境", mobility: "出行", "smart city": "智慧城市" },
  map: {
    title: "城市世界地图", indicator: "指标", pickIndicator: "选择指标",
    ariaLabel: "世界地图：按{{indicator}}（{{unit}}）着色的城市", summary: "{{indicator}}：{{count}} 个城市已报告，{{missing}} 个城市尚未报告（灰色）。点击城市可打开其页面。",
    sourcesTitle: "所示数据的数据来源", noData: "尚无城市报告此指标。",
    asTable: "以表格显示数值", top: "已报告{{indicator}}的城市",
    hiddenClasses: "地图上已隐藏（在图例中点击可重新显示）：{{classes}}",
    legendCaption: "颜色：{{indicator}}（{{unit}}），各城市最新数值，{{years}}年。来源：<o>{{sources}}</o>",
  },
  cities: {
    title: "城市", q: "名称（中文或英文）", country: "国家/地区", minPopulation: "最低人口", anyCountry: "所有国家/地区",
    apply: "搜索", reset: "重置", loadMore: "加载更多", compare: "比较", compareHint: "选择 2–4 个城市进行比较",
    selected: "已选择 {{count}} 个", shown: "显示 {{count}} 个城市", name: "名称", nameZh: "中文名称", population: "人口",
    region: "地区", importLink: "导入观测值", tooMany: "最多选择 4 个城市", empty: "没有符合筛选条件的城市。",
  },
  city: {
    overview: "概况", indicators: "指标", notFound: "未找到城市", notFoundDetail: "不存在城市“{{slug}}”。",
    keyFacts: "基本信息", nameEn: "英文名称", nameZh: "中文名称", nameLocal: "当地名称", country: "国家/地区",
    region: "地区", admin1: "省/州", coordinates: "坐标", population: "人口",
    populationYear: "{{value}}（{{year}}年）", populationSource: "数据来源：{{source}}",
    geonamesNote: "GeoNames 人口为城区人口，而非整个市辖区人口。", area: "面积", areaValue: "{{value}} 平方公里",
    timezone: "时区", location: "位置", mapAria: "显示{{city}}位置的地图",
    noIndicators: "该城市尚未报告任何指标。", notReportedList: "该城市尚未报告",
    chartAria: "{{city}}各时期的{{indicator}}，单位：{{unit}}", compareWith: "与其他城市比较",
    seriesSource: "该数据序列的数据来源", reference: "参考值", importedBy: "导入者",
  },
  compare: {
    title: "城市比较", add: "添加城市", addPlaceholder: "输入城市名称", remove: "移除{{city}}",
    needTwo: "请至少选择两个城市进行比较。", tooMany: "最多可比较 4 个城市。",
    facts: "基本信息", chartAria: "{{cities}}各时期的{{indicator}}，单位：{{unit}}", noIndicators: "这些城市均尚未报告任何指标。",
    unknown: "未知城市：{{slug}}",
  },
  import: {
    title: "导入与导出观测值", uploadTitle: "导入观测值 CSV 文件",
    help: "每行一个观测值。列：city（城市标识，如 chongqing-cn）、indicator（指标代码，如 ghg.co2_total）、period（年份如 2019，或日期如 2019-06-30）、value（数值，小数点用“.”）、source（数据来源标识），可选 note（备注）。第一行为列名。",
    example: "示例", template: "下载 CSV 模板", drop: "点击或将 CSV 文件拖到此处", dropHint: "UTF-8 编码、逗号分隔，每次一个文件。",
    uploading: "正在上传…", success: "导入完成：共读取 {{rows}} 行", inserted: "新增", updated: "更新", unchanged: "未变", rows: "行数",
    failed: "文件被拒绝：未写入任何数据", failedDetail: "请修正以下问题后重新上传整个文件。",
    problemsShown: "问题：共 {{total}} 个，显示前 {{shown}} 个", problems: "问题", row: "行", column: "列", value: "值", reason: "原因",
    exportTitle: "导出观测值", exportHelp: "选择城市和/或指标（留空表示全部）以及格式。",
    format: "格式", download: "下载", allCities: "所有城市", allIndicators: "所有指标", file: "文件：{{name}}",
  },
};
