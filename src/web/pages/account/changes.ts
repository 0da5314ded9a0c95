/** The fields that differ between a record's values before and after a write (for history and audit views). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Changed fields, in the order they appear. A create lists every field of `after`, a delete every
 * field of `before`; values that are not objects are compared as one field named "value".
 * @example changedFields({ a: 1, b: 2 }, { a: 1, b: 3 }) //=> [{ field: "b", before: 2, after: 3 }]
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before ?? null) === JSON.stringify(after ?? null) ? [] : [{ field: "value", before: before ?? null, after: after ?? null }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ field: k, before: k in b ? b[k] : null, after: k in a ? a[k] : null }));
}

/** A value for display: text as is, JSON text pretty-printed compactly, other values as JSON; null as null. */
export function displayValue(v: unknown, max = 200): string | null {
  if (v === null || v === undefined || v === "") return null;
  let text: string;
  if (typeof v === "string") {
    text = v;
    if (/^[[{]/.test(v)) {
      try { text = JSON.stringify(JSON.parse(v)); } catch { /* plain text that starts with a bracket */ }
    }
  } else {
    text = typeof v === "object" ? JSON.stringify(v) : String(v);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
