import type { FastifyInstance, FastifyRequest } from "fastify";
import { InvalidInputError, type Problem } from "../errors.js";

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * Characters that show nothing: format characters (zero-width space and joiners, bidi marks,
 * embeddings, overrides and isolates, the BOM, soft hyphen…), Hangul fillers, the braille blank,
 * and whitespace.
 */
const INVISIBLE = /^[\p{Cf}\p{Z}\s\u115F\u1160\u3164\uFFA0\u2800\u180E]+$/u;
const HAS_FORMAT = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u2800\u180E]/u;
/** Fields whose value is never shown (a password may be any text without NUL). */
const OPAQUE = new Set(["password", "currentPassword", "newPassword"]);

/** Why `s` cannot be stored or shown, or null. */
export function textProblem(s: string, opaque = false): string | null {
  if (s.includes("\u0000")) return "contains a NUL character (U+0000)";
  if (LONE_SURROGATE.test(s)) return "contains a lone UTF-16 surrogate (not valid Unicode)";
  // Whitespace-only text is the field's own rule (most refuse it); text of only invisible characters spoofs a display.
  if (!opaque && INVISIBLE.test(s) && HAS_FORMAT.test(s)) return "is made only of invisible or bidi control characters";
  return null;
}

function walk(v: unknown, path: string, where: string, out: Problem[], depth = 0): void {
  if (out.length >= 20 || depth > 64) return;
  if (typeof v === "string") {
    const message = textProblem(v, OPAQUE.has(path.split(".").pop() ?? ""));
    if (message) out.push({ column: path || where, message });
  } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, path ? `${path}.${i}` : String(i), where, out, depth + 1));
  // Parsed JSON, query and path objects (the query parser's have no Object prototype); never a streamed body or a buffer.
  else if (v && typeof v === "object" && !Buffer.isBuffer(v) && typeof (v as { pipe?: unknown }).pipe !== "function") {
    for (const [k, x] of Object.entries(v)) {
      const keyProblem = textProblem(k, true);
      if (keyProblem) out.push({ column: path || where, message: `has a key that ${keyProblem}` });
      walk(x, path ? `${path}.${k}` : k, where, out, depth + 1);
    }
  }
}

/** Every text of a request's path, query and (parsed, not streamed) body that the databases cannot store or that would show as nothing. */
export function requestTextProblems(req: Pick<FastifyRequest, "params" | "query" | "body">): Problem[] {
  const out: Problem[] = [];
  walk(req.params, "", "path", out);
  walk(req.query, "", "query", out);
  walk(req.body, "", "body", out);
  return out;
}

/**
 * One check for every route, before its schema and its permission lookups: a NUL character or a
 * lone surrogate anywhere in the path, the query or the body is 400 on both databases (PostgreSQL
 * cannot store NUL in text; a lone surrogate would be stored as U+FFFD), and so is a text made
 * only of invisible or bidi control characters (a name that displays as nothing, or spoofs one).
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (req) => {
    const problems = requestTextProblems(req);
    const first = problems[0];
    if (first) throw new InvalidInputError(`invalid text in "${first.column}": ${first.message}`, problems, undefined, { code: "validation.invalid_text", params: { field: first.column ?? "" } });
  });
}
