import type { IndicatorChange, MonNames, ShowcaseCooperation } from "../domain/monitoring.js";

export type ReportLang = "en" | "zh";

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const L = {
  en: {
    report: "Cooperation report", programme: "Programme", period: "Period", status: "Status", generated: "Generated on", members: "Member cities",
    city: "City", country: "Country", role: "Role", history: "Status history", date: "Date", from: "From", to: "To", note: "Note",
    ucap: "Action plan (UCAP)", keyFocus: "Key focus", challenges: "Key challenges", objectives: "Objectives", expected: "Expected results",
    benefits: "Benefits", sdgs: "SDGs", agenda: "EU Urban Agenda", actions: "Actions and KPIs", action: "Action", completion: "Done",
    kpi: "KPI", baseline: "Baseline", target: "Target", latest: "Latest", kpiStatus: "KPI status", activities: "Activities and outputs",
    kind: "Kind", title: "Title", place: "Place", outputs: "Outputs", programmeWide: "programme-wide", partners: "Partners", organisation: "Organisation",
    changes: "Member cities' indicators since the cooperation began", indicator: "Indicator", before: "Before", now: "Now", change: "Change",
    sources: "Sources", method: "Method", none: "not yet reported", print: "Print / Save as PDF", improved: "improved", worsened: "worsened", unchanged: "unchanged",
    pilots: "Pilot projects", themes: "Themes",
  },
  zh: {
    report: "城市合作报告", programme: "合作项目", period: "合作期", status: "状态", generated: "生成日期", members: "成员城市",
    city: "城市", country: "国家", role: "角色", history: "状态变更记录", date: "日期", from: "原状态", to: "新状态", note: "备注",
    ucap: "城市合作行动计划", keyFocus: "重点领域", challenges: "主要挑战", objectives: "目标", expected: "预期成果",
    benefits: "效益", sdgs: "可持续发展目标", agenda: "欧盟城市议程", actions: "行动与关键绩效指标", action: "行动", completion: "完成度",
    kpi: "关键绩效指标", baseline: "基线", target: "目标", latest: "最新", kpiStatus: "指标状态", activities: "活动与成果",
    kind: "类型", title: "标题", place: "地点", outputs: "成果", programmeWide: "项目整体活动", partners: "合作伙伴机构", organisation: "机构",
    changes: "合作开始以来成员城市的指标变化", indicator: "指标", before: "合作前", now: "当前", change: "变化",
    sources: "数据来源", method: "方法", none: "尚未报告", print: "打印 / 另存为PDF", improved: "改善", worsened: "恶化", unchanged: "不变",
    pilots: "试点项目", themes: "主题",
  },
} as const;

/** Status and kind words of the report; unknown values are shown as stored. */
const WORDS: Record<ReportLang, Record<string, string>> = {
  en: {
    proposed: "proposed", agreed: "agreed", active: "active", completed: "completed", discontinued: "discontinued",
    planned: "planned", in_progress: "in progress", done: "done", delayed: "delayed", cancelled: "cancelled",
    lead: "lead", partner: "partner", mentor: "mentor", learner: "learner",
    study_visit: "study visit", business_roundtable: "business roundtable", workshop: "workshop", webinar: "webinar", staff_exchange: "staff exchange",
    training: "training", conference: "conference", forum: "forum", other: "other", mou: "memorandum of understanding", joint_declaration: "joint declaration",
    report: "report", pilot_project: "pilot project", public: "public", private: "private", academic: "academic", civil_society: "civil society", residents: "residents",
  },
  zh: {
    proposed: "提议", agreed: "已商定", active: "进行中", completed: "已完成", discontinued: "已终止",
    planned: "计划中", in_progress: "进行中", done: "已完成", delayed: "延迟", cancelled: "已取消",
    lead: "牵头", partner: "伙伴", mentor: "指导", learner: "学习",
    study_visit: "考察访问", business_roundtable: "商务圆桌会", workshop: "研讨会", webinar: "网络研讨会", staff_exchange: "人员交流",
    training: "培训", conference: "会议", forum: "论坛", other: "其他", mou: "合作备忘录", joint_declaration: "联合声明",
    report: "报告", pilot_project: "试点项目", public: "公共机构", private: "企业", academic: "学术机构", civil_society: "社会组织", residents: "居民",
  },
};

/** Free-text cooperation themes of the seeded programme, in Chinese (the UI's own list, programmes.theme). */
const THEME_ZH: Record<string, string> = {
  transport: "交通", air: "空气质量", green: "城市绿化", congestion: "交通拥堵", energy: "能源", ghg: "温室气体", waste: "废弃物",
  logistics: "物流", innovation: "创新", "culture and tourism": "文化和旅游", "vocational education": "职业教育", urbanisation: "城镇化",
  "ecological environment": "生态环境", mobility: "出行", "smart city": "智慧城市",
};

const LOCALE: Record<ReportLang, string> = { en: "en-GB", zh: "zh-CN" };
const HAN = /\p{Script=Han}/u;

export const REPORT_CSS = `
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:#1f1f1f;margin:2rem auto;max-width:60rem;line-height:1.45;font-size:11pt}
h1{font-size:1.7rem;margin:0 0 .3rem}h2{font-size:1.2rem;border-bottom:2px solid #1677ff;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d9d9d9;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}.muted{color:#595959}.status{font-weight:600}.on_track{color:#237804}.at_risk{color:#ad6800}.off_track{color:#a8071a}.no_data{color:#595959}
dl{display:grid;grid-template-columns:12rem 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0;white-space:pre-wrap}
@media print{body{margin:0;max-width:none;font-size:10pt}section{break-before:page;page-break-before:always}section.first{break-before:auto;page-break-before:auto}
thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}a{color:inherit;text-decoration:none}}
@page{size:A4;margin:15mm}`;

/** The showcase view of a cooperation plus its member cities' indicator changes and the method text. */
export type ReportData = ShowcaseCooperation & { indicatorChanges: IndicatorChange[]; method: { en: string; zh: string } };
type Data = ReportData;

/** A self-contained, print-ready HTML report of one cooperation; every user text is escaped. */
export function cooperationReportHtml(d: Data, lang: ReportLang): string {
  const t = L[lang];
  const e = (s: string | number | null | undefined) => (s === null || s === undefined || s === "" ? `<span class="muted">${t.none}</span>` : escapeHtml(String(s)));
  /** Text as entered (a note, a place): marked as English in the Chinese report when it has no Chinese in it. */
  const ft = (s: string | null | undefined) => (s && lang === "zh" && !HAN.test(s) ? `<span lang="en">${e(s)}</span>` : e(s));
  /** A date ("2017-03-15") or year in the reader's language; other text as it is. */
  const fd = (s: string | null | undefined) => {
    if (!s) return e(null);
    if (/^\d{4}$/.test(s)) return e(lang === "zh" ? `${s}年` : s);
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
    return Number.isNaN(d.getTime()) ? e(s) : e(new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: "medium", timeZone: "UTC" }).format(d));
  };
  /** A number grouped in the reader's language. */
  const fn = (x: number | null | undefined) => (x === null || x === undefined ? e(null) : e(new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: Math.abs(x) >= 1000 ? 0 : 4 }).format(x)));
  const country = (code: string | null | undefined) => {
    if (!code) return e(null);
    try { return e(new Intl.DisplayNames([LOCALE[lang]], { type: "region" }).of(code) ?? code); } catch { return e(code); }
  };
  const theme = (x: string) => (lang === "zh" ? THEME_ZH[x] ?? x : x);
  const n = (x: MonNames | null | undefined) => {
    if (!x) return e(null);
    const main = lang === "zh" ? x.zh || x.en : x.en || x.zh;
    const fellBack = lang === "zh" ? !x.zh && !!x.en : !x.en && !!x.zh;
    return fellBack ? `<span lang="${lang === "zh" ? "en" : "zh-CN"}">${e(main)}</span> <small class="muted">(${lang === "zh" ? "英文" : "Chinese"})</small>` : e(main);
  };
  const table = (head: string[], rows: string[][]) =>
    rows.length === 0 ? `<p class="muted">${t.none}</p>` : `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
  const c = d.cooperation;
  const w = (v: string | null | undefined) => (v ? e(WORDS[lang][v] ?? v) : e(null));
  const cityName = (slug: string | null) => (slug ? n(c.members.find((m) => m.slug === slug)?.names ?? { en: slug, zh: null }) : e(null));
  const kpiCell = (k: Data["kpis"][number]) =>
    `${n(k.names)} (${ft(k.unit)})<br>${t.baseline}: ${fn(k.baseline.value)} (${fd(k.baseline.date)}) → ${t.target}: ${fn(k.target.value)} (${fd(String(k.target.year))})<br>` +
    `${t.latest}: ${k.latest ? `${fn(k.latest.value)} (${fd(k.latest.date)})` : e(null)}<br><span class="status ${k.status}" data-kpi-status="${k.status}">${escapeHtml(k.statusWords[lang])}</span> <small class="muted">${escapeHtml(k.reason[lang])}</small>`;
  const actionRows = d.actions.map((a) => {
    const ks = d.kpis.filter((k) => k.actionId === a.id);
    return [n(a.titles), w(a.status), `${fn(a.completionPct)} %`, `${fd(a.startDate)} – ${fd(a.endDate)}`, cityName(a.ownerCity), ks.length ? ks.map(kpiCell).join("<hr>") : e(null)];
  });
  const loose = d.kpis.filter((k) => !k.actionId || !d.actions.some((a) => a.id === k.actionId));
  if (loose.length) actionRows.push([e("—"), "", "", "", "", loose.map(kpiCell).join("<hr>")]);
  const p = d.actionPlan;
  const verdict = (v: IndicatorChange["verdict"]) => (v ? t[v] : "");
  const point = (x: IndicatorChange["before"]) => (x ? `${fn(x.value)} (${fd(x.period)})<br><small class="muted" lang="en">${e(x.source.citation)}</small>` : e(null));
  const title = n(c.names);
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.report}: ${escapeHtml((lang === "zh" ? c.names.zh || c.names.en : c.names.en) ?? "")}</title><style>${REPORT_CSS}</style></head>
<body>
<section class="first" id="summary"><p class="muted">${t.report}</p><h1>${title}</h1>
<dl><dt>${t.programme}</dt><dd>${n(c.programmeNames)}</dd><dt>${t.period}</dt><dd>${fd(c.startDate)} – ${fd(c.endDate)}</dd>
<dt>${t.status}</dt><dd>${w(c.status)}</dd><dt>${t.themes}</dt><dd>${e(c.themes.map(theme).join(lang === "zh" ? "、" : ", "))}</dd><dt>${t.generated}</dt><dd>${fd(d.asOf)}</dd></dl>
<h2>${t.members}</h2>${table([t.city, t.country, t.role], c.members.map((m) => [n(m.names), country(m.country), w(m.role)]))}
<h2>${t.history}</h2>${table([t.date, t.from, t.to, t.note], d.transitions.map((x) => [fd(x.date), x.from ? w(x.from) : "—", w(x.to), ft(x.note)]))}</section>
<section id="ucap"><h2>${t.ucap}</h2>${
    p
      ? `<dl><dt>${t.keyFocus}</dt><dd>${n(p.keyFocus)}</dd><dt>${t.challenges}</dt><dd>${n(p.challenges)}</dd><dt>${t.objectives}</dt><dd>${n(p.objectives)}</dd>
<dt>${t.expected}</dt><dd>${n(p.expectedResults)}</dd><dt>${t.benefits}</dt><dd>${n(p.benefits)}</dd><dt>${t.sdgs}</dt><dd>${e(p.sdgs.map((x) => (/^\d+$/.test(x) ? `SDG ${x}` : x)).join(", "))}</dd><dt>${t.agenda}</dt><dd>${e(p.urbanAgenda.join(", "))}</dd></dl>`
      : `<p class="muted">${t.none}</p>`
  }</section>
<section id="actions"><h2>${t.actions}</h2>${table([t.action, t.status, t.completion, t.period, t.city, t.kpi], actionRows)}</section>
<section id="activities"><h2>${t.activities}</h2>${table(
    [t.date, t.kind, t.title, t.place, t.outputs],
    d.activities.map((a) => [fd(a.startDate), w(a.kind), `${n(a.titles)}${a.programmeWide ? ` <small class="muted">(${t.programmeWide})</small>` : ""}`, ft(a.place), a.outputs.length ? a.outputs.map((o) => `${w(o.kind)}: ${n(o.titles)} ${o.date ? `(${fd(o.date)})` : ""}`).join("<br>") : e(null)]),
  )}
<h2>${t.pilots}</h2>${table([t.title, t.city, t.period, t.status], d.pilots.map((x) => [n(x.titles), cityName(x.city), `${fd(x.startDate)} – ${fd(x.endDate)}`, w(x.status)]))}
<h2>${t.partners}</h2>${table([t.organisation, t.kind, t.country, t.role], d.partners.map((x) => [n(x.names), w(x.kind), country(x.country), ft(x.role)]))}</section>
<section id="indicators"><h2>${t.changes}</h2>${table(
    [t.city, t.indicator, t.before, t.now, t.change],
    d.indicatorChanges.map((x) => [n(x.cityNames), `${escapeHtml(x.names[lang])} (${e(unitZh(x.unit, lang))})`, point(x.before), point(x.now), x.change === null ? e(null) : `${x.change > 0 ? "↑ +" : x.change < 0 ? "↓ " : "= "}${fn(Number(x.change.toPrecision(4)))} ${verdict(x.verdict)}`]),
  )}</section>
<section id="sources"><h2>${t.sources}</h2>${
    d.sources.length === 0 && d.indicatorChanges.length === 0
      ? `<p class="muted">${t.none}</p>`
      : `<ul>${uniqueSources(d).map((s) => `<li lang="en">${e(s.citation)}${s.url ? ` — ${/^https?:\/\//i.test(s.url) ? `<a href="${escapeHtml(s.url)}">${escapeHtml(s.url)}</a>` : escapeHtml(s.url)}` : ""}</li>`).join("")}</ul>`
  }<h2>${t.method}</h2><p>${escapeHtml(d.method[lang])}</p></section>
</body></html>
`;
}

/** Indicator units with English words in Chinese (symbols stay). */
function unitZh(unit: string, lang: ReportLang): string {
  if (lang !== "zh") return unit;
  const words: Record<string, string> = { "cars/1,000 people": "辆/千人", min: "分钟", persons: "人", "% of fleet": "% 车队", "intersections/km²": "个交叉口/平方公里", "m²/person": "平方米/人", "km²": "平方公里" };
  return words[unit] ?? unit.replace(/\/person$/, "/人");
}

function uniqueSources(d: Data) {
  const all = [...d.sources, ...d.indicatorChanges.flatMap((x) => [x.before?.source, x.now?.source]).filter((s) => s !== undefined)];
  return [...new Map(all.map((s) => [s.id, s])).values()];
}
