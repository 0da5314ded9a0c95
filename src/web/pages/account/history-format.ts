/**
 * A record's history as people read it: the audit trail stores raw rows (`programme_id`,
 * `themes_json`, ISO timestamps); this turns one entry's before/after into the changed fields with a
 * label in the user's language and values formatted for it — dates and times in the user's locale
 * and time zone, numbers grouped, JSON lists as comma lists, enum codes translated. Bookkeeping
 * columns (id, version, created/updated by/at) are left out: the entry itself says who and when.
 */
import type { Lang } from "../../api";
import { countryName } from "../../countries";
import { LOCALE_TAG } from "../../lang";
import { changedFields } from "./changes";

export interface HistoryFormat {
  lang: Lang;
  /** i18next's `t` (labels come from the `history` namespace and the enum lists of the other pages). */
  t: (key: string, options?: Record<string, unknown>) => string;
  /** i18next's `exists`. */
  exists: (key: string) => boolean;
  /** IANA time zone for timestamps; default the browser's own. */
  timeZone?: string;
}

export interface DiffRow {
  /** The stored field name (for tests and as a tooltip). */
  field: string;
  label: string;
  before: string | null;
  after: string | null;
  /** For a field that links to another record: its kind and the ids before and after (shown by name). */
  link?: { kind: LinkKind; before: string[]; after: string[] };
}

/** Records a history field can link to, whose names the History tab looks up. */
export type LinkKind = "programme" | "cooperation" | "city" | "indicator" | "source" | "practice";

/** Fields (by base name) that hold the id of another record, or a list of them. */
const LINK_FIELDS: Record<string, LinkKind> = {
  programme_id: "programme", programmeId: "programme",
  cooperation_id: "cooperation", cooperationId: "cooperation",
  city: "city", city_slug: "city", owner_city_slug: "city", ownerCity: "city", slug: "city",
  indicator_code: "indicator", indicator: "indicator",
  source: "source", source_id: "source", source_ids: "source", sourceIds: "source",
  practice_id: "practice", practiceId: "practice",
};

/** The ids a linking field holds (a plain id, or a JSON list of ids); null for a field that links to nothing. */
export function linkedIds(field: string, v: unknown): { kind: LinkKind; ids: string[] } | null {
  const kind = LINK_FIELDS[field] ?? LINK_FIELDS[baseName(field).base];
  if (!kind) return null;
  let value = v;
  if (typeof value === "string" && /^\s*\[/.test(value)) {
    try { value = JSON.parse(value) as unknown; } catch { /* a plain id */ }
  }
  if (value === null || value === undefined || value === "") return { kind, ids: [] };
  if (typeof value === "string") return { kind, ids: [value] };
  if (Array.isArray(value) && value.every((x) => typeof x === "string")) return { kind, ids: value as string[] };
  return null;
}

/** Columns every audited row carries for bookkeeping: who and when are on the entry itself. */
const HIDDEN = new Set([
  "id", "version", "created_by", "created_at", "updated_by", "updated_at", "createdAt", "updatedAt", "createdBy", "updatedBy",
  "doc", "themes_mask", "search_key", "tsv", "search_vector", "passwordHash", "password_hash",
]);

/** Fields stored as 0/1 (SQLite) or booleans that read as yes/no. */
const BOOLEAN = /^(has_|is_|require)|^(measured|builtin|disabled|isAdmin|mustChangePassword|must_change_password)$/;

/** Number fields that are years or codes: never grouped ("2,030" is wrong). */
const UNGROUPED = /(^|_)(year|years)$|Year$|^(position|seq)$/;

/**
 * Which translated list an enum value is looked up in: `entity.field` first, then `*.field`. The lists
 * are the ones the record's own pages show, so a status reads the same on the page and in its history.
 */
const ENUMS: Record<string, string> = {
  "cooperation.status": "cooperations.statuses",
  "action.status": "cooperations.actions.statuses",
  "application.status": "programmes.application.statuses",
  "vision-statement.status": "vision.statement.statuses",
  "vision-statement.aspect": "vision.aspects",
  "vision-statement.kind": "vision.kinds",
  "vision-process.status": "vision.status",
  "fund-application.decision": "work.decisions",
  "cooperation.origin": "cooperations.origins",
  "*.theme": "programmes.theme",
  "*.themes": "programmes.theme",
  "*.language": "history.langs",
  "user-roles.role": "account.roles",
  "user.role": "account.roles",
  "*.role": "cooperations.roles",
};

const COUNTRY_FIELDS = new Set(["country", "countries"]);

/** The field's name without the storage suffixes: `themes_json` → `themes`, `name_en` → `name`. */
function baseName(field: string): { base: string; lang: Lang | null } {
  let base = field.replace(/_json$/, "");
  const m = /^(.*)_(en|zh)$/.exec(base);
  if (m) return { base: m[1]!, lang: m[2] as Lang };
  base = base.replace(/Json$/, "");
  return { base, lang: null };
}

/**
 * A name for a field nobody labelled: words of the snake_case or camelCase name, storage suffixes
 * (`_json`, `_id`) dropped, the first word capitalised. `source_ids_json` → "Sources".
 * @example humanise("owner_city_slug") //=> "Owner city slug"
 */
export function humanise(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[_\s-]+/).filter((w) => w && w !== "json");
  const last = words[words.length - 1];
  if (words.length > 1 && last === "id") words.pop();
  if (words.length > 1 && last === "ids") {
    words.pop();
    words[words.length - 1] = `${words[words.length - 1]}s`;
  }
  const text = words.join(" ");
  return text ? text[0]!.toUpperCase() + text.slice(1) : field;
}

/** The field's label in the user's language: the record type's own label, the shared one, or a humanised name. */
export function fieldLabel(entity: string, field: string, f: HistoryFormat): string {
  const { base, lang } = baseName(field);
  const key = [`history.entities.${entity}.${base}`, `history.fields.${base}`].find((k) => f.exists(k));
  const label = key ? f.t(key) : humanise(base);
  return lang ? f.t("history.withLang", { label, lang: f.t(`history.langs.${lang}`) }) : label;
}

function enumList(entity: string, base: string): string | undefined {
  return ENUMS[`${entity}.${base}`] ?? ENUMS[`*.${base}`];
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** List, pair and label punctuation: "a, b", "x; y", "Name (Label: value)" in English; full-width in Chinese. */
const PUNCT: Record<Lang, { list: string; pairs: string; colon: string; open: string; close: string }> = {
  en: { list: ", ", pairs: "; ", colon: ": ", open: " (", close: ")" },
  zh: { list: "、", pairs: "；", colon: "：", open: "（", close: "）" },
};

function formatNumberValue(base: string, v: number, f: HistoryFormat): string {
  if (UNGROUPED.test(base)) return String(v);
  return new Intl.NumberFormat(LOCALE_TAG[f.lang], { maximumFractionDigits: 6 }).format(v);
}

function formatText(entity: string, base: string, v: string, f: HistoryFormat): string {
  if (ISO_TIMESTAMP.test(v)) {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) {
      return new Intl.DateTimeFormat(LOCALE_TAG[f.lang], { dateStyle: "medium", timeStyle: "short", ...(f.timeZone ? { timeZone: f.timeZone } : {}) }).format(d);
    }
  }
  if (ISO_DATE.test(v)) {
    const d = new Date(`${v}T00:00:00Z`);
    // A calendar date, not an instant: the same day wherever the reader is.
    if (!Number.isNaN(d.getTime())) return new Intl.DateTimeFormat(LOCALE_TAG[f.lang], { dateStyle: "medium", timeZone: "UTC" }).format(d);
  }
  if (COUNTRY_FIELDS.has(base) && /^[A-Z]{2}$/.test(v)) return countryName(v, f.lang);
  const list = enumList(entity, base);
  if (list && f.exists(`${list}.${v}`)) return f.t(`${list}.${v}`);
  return v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Inside a JSON value, `name_en`/`name_zh` become one `name` in the reader's language (else the other). */
function oneLanguage(o: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const other: Lang = lang === "en" ? "zh" : "en";
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const m = /^(.*)_(en|zh)$/.exec(k);
    if (!m) out[k] = v;
    else if (!(m[1]! in out)) out[m[1]!] = o[`${m[1]}_${lang}`] ?? o[`${m[1]}_${other}`] ?? null;
  }
  return out;
}

/** An object inside a JSON value: a bilingual text as one text, a named thing by its name, anything else as "Label: value" pairs. */
function formatObject(entity: string, raw: Record<string, unknown>, f: HistoryFormat): string {
  const o = oneLanguage(raw, f.lang);
  const keys = Object.keys(o);
  if (keys.length > 0 && keys.every((k) => k === "en" || k === "zh")) {
    const text = o[f.lang] ?? o[f.lang === "en" ? "zh" : "en"];
    return text === null || text === undefined ? "" : String(text);
  }
  const nameKey = ["names", "name", "titles", "title", "label"].find((k) => k in o && o[k] !== null && o[k] !== undefined);
  const rest = keys.filter((k) => k !== nameKey && k !== "key" && k !== "id" && o[k] !== null && o[k] !== undefined && o[k] !== "");
  const p = PUNCT[f.lang];
  const pairs = rest.map((k) => {
    const value = formatAny(entity, k, o[k], f);
    return value === null ? null : `${fieldLabel(entity, k, f)}${p.colon}${value}`;
  }).filter((x): x is string => x !== null);
  if (nameKey) {
    const name = formatAny(entity, nameKey, o[nameKey], f) ?? "";
    return pairs.length ? `${name}${p.open}${pairs.join(p.pairs)}${p.close}` : name;
  }
  return pairs.join(p.pairs);
}

function formatAny(entity: string, field: string, v: unknown, f: HistoryFormat): string | null {
  const { base } = baseName(field);
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "boolean") return f.t(v ? "history.yes" : "history.no");
  if (typeof v === "number") {
    if (BOOLEAN.test(base) && (v === 0 || v === 1)) return f.t(v ? "history.yes" : "history.no");
    return formatNumberValue(base, v, f);
  }
  if (typeof v === "string") {
    if (/_json$|Json$/.test(field) || /^\s*[[{]/.test(v)) {
      try {
        return formatAny(entity, base, JSON.parse(v) as unknown, f);
      } catch { /* text that starts with a bracket */ }
    }
    return formatText(entity, base, v, f);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return null;
    const items = v.map((x) => (isRecord(x) ? formatObject(entity, x, f) : formatAny(entity, base, x, f))).filter((x): x is string => !!x);
    return items.join(v.some(isRecord) ? PUNCT[f.lang].pairs : PUNCT[f.lang].list);
  }
  if (isRecord(v)) return formatObject(entity, v, f) || null;
  return String(v);
}

/**
 * One value of `field` of an `entity` record for display, or null when empty (shown as "—").
 * @example formatValue("programme", "themes_json", '["transport","air"]', en) //=> "Transport, Air quality"
 */
export function formatValue(entity: string, field: string, v: unknown, f: HistoryFormat, max = 300): string | null {
  const text = formatAny(entity, field, v, f);
  if (text === null || text === "") return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The fields one write changed, labelled and formatted: only fields whose value changed (a create
 * lists what was set, a delete what was there), bookkeeping columns left out.
 */
export function historyDiff(entity: string, before: unknown, after: unknown, f: HistoryFormat): DiffRow[] {
  return changedFields(before, after)
    .filter((c) => !HIDDEN.has(c.field))
    .map((c): DiffRow => {
      const row: DiffRow = { field: c.field, label: fieldLabel(entity, c.field, f), before: formatValue(entity, c.field, c.before, f), after: formatValue(entity, c.field, c.after, f) };
      const b = linkedIds(c.field, c.before);
      const a = linkedIds(c.field, c.after);
      if (b && a) row.link = { kind: a.kind, before: b.ids, after: a.ids };
      return row;
    })
    // a value stored differently but shown the same ("[]" and null) is no change to a reader
    .filter((r) => r.before !== r.after);
}
