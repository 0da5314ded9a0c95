import type { SourceRepository } from "../db/index.js";
import type { Source } from "../domain/source.js";

/** Kebab-case id from a citation: "Chongqing Statistical Yearbook 2020" → "chongqing-statistical-yearbook-2020". */
export function sourceIdFrom(text: string): string {
  const id = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return id || "source";
}

/**
 * Maps what an import file wrote in its `source` column to source ids: an existing id is used
 * as it is, an existing citation maps to its id, anything else becomes a new source whose
 * citation is the text (and whose URL is the text when it is a URL).
 */
export async function resolveSources(repo: SourceRepository, texts: Iterable<string>, now: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const created: Source[] = [];
  const taken = new Set<string>();
  for (const text of texts) {
    const byId = await repo.get(text);
    if (byId) {
      ids.set(text, byId.id);
      continue;
    }
    const byCitation = await repo.findByCitation(text);
    if (byCitation) {
      ids.set(text, byCitation.id);
      continue;
    }
    const base = sourceIdFrom(text);
    let id = base;
    for (let n = 2; taken.has(id) || (await repo.get(id)); n++) id = `${base}-${n}`;
    taken.add(id);
    created.push({ id, citation: text, url: /^https?:\/\/\S+$/.test(text) ? text : null, licence: null });
    ids.set(text, id);
  }
  await repo.upsertMany(created, now);
  return ids;
}
