import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, type Problem, UnauthorizedError } from "../errors.js";
import { z } from "zod";
import { ITEM_REASON_CODES, PROBLEM_CODES, type ProblemCode, type ProblemParams } from "../problem-codes.js";

/** One invalid field or file cell, with its reason as a code and the values of its message. */
export interface ProblemItem {
  path?: string;
  row?: number;
  column?: string;
  value?: string;
  message: string;
  code: ProblemCode;
  params: ProblemParams;
}

/**
 * RFC 9457 problem details, with `errors` listing each invalid field. `code` and `params` say
 * the same as `detail` for machines and translations (src/problem-codes.ts).
 */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ProblemCode;
  params: ProblemParams;
  errors?: ProblemItem[];
  totalErrors?: number;
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  428: "Precondition Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

const CodeSchema = z
  .enum(Object.keys(PROBLEM_CODES) as [ProblemCode, ...ProblemCode[]])
  .describe("Stable machine-readable code of the problem (see src/problem-codes.ts); clients translate it with `params`. New codes may be added: show `detail` for a code you do not know.");
const ParamsSchema = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .describe("The values the message interpolates, by name (e.g. `{ \"id\": \"atlantis\" }` for `not_found.city`; for file problems `row`, `column`, `value`).");

/** The problem+json body as a schema: for response schemas and the OpenAPI component `Problem`. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string().describe("HTTP status text, in English"),
    status: z.number().int(),
    detail: z.string().optional().describe("What went wrong, in English, for API users"),
    code: CodeSchema,
    params: ParamsSchema,
    errors: z
      .array(
        z.object({
          path: z.string().optional().describe("The invalid field (JSON body, query or path parameter)"),
          row: z.number().int().optional().describe("1-based row of the file (the header is row 1)"),
          column: z.string().optional(),
          value: z.string().optional().describe("The offending value as given"),
          message: z.string().describe("Why it is wrong, in English"),
          code: CodeSchema.describe("The reason as a code"),
          params: ParamsSchema,
        }),
      )
      .optional()
      .describe("Each invalid field or file cell, with its own code and params"),
    totalErrors: z.number().int().optional().describe("How many problems were found, when more than `errors` lists"),
  })
  .passthrough()
  .describe("RFC 9457 problem details with a machine-readable code");

/** The code of a problem with no more precise one, by HTTP status. */
const STATUS_CODES: Record<number, ProblemCode> = {
  400: "request.invalid",
  401: "auth.sign_in_required",
  403: "forbidden",
  404: "not_found",
  405: "request.method_not_allowed",
  406: "request.not_acceptable",
  409: "conflict",
  413: "request.too_large",
  415: "request.unsupported_media_type",
  422: "invalid_input",
  428: "request.precondition_required",
  429: "auth.rate_limited",
  500: "server.error",
  503: "server.starting",
};

export function problem(status: number, detail?: string, extra: Partial<ProblemBody> = {}): ProblemBody {
  return {
    type: "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    ...(detail ? { detail } : {}),
    code: STATUS_CODES[status] ?? (status >= 500 ? "server.error" : "request.invalid"),
    params: {},
    ...extra,
  };
}

/** A problem item with its code: the one it was given, else one known for its exact reason, else `item.invalid`. */
export function problemItem(p: Problem & { path?: string }): ProblemItem {
  const { code, params, ...rest } = p;
  const where: ProblemParams = {};
  if (p.row !== undefined) where.row = p.row;
  if (p.column !== undefined) where.column = where.field = p.column;
  if (p.value !== undefined) where.value = p.value;
  return { ...rest, code: code ?? ITEM_REASON_CODES[p.message] ?? "item.invalid", params: { ...where, ...params } };
}

/** A zod issue (as fastify-type-provider-zod hands it over) as a code with its values. */
function validationCode(keyword: string, message: string, issue: Record<string, unknown>, field: string): { code: ProblemCode; params: ProblemParams } {
  const text = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(", ") : String(v));
  const short = issue.origin === "string" || issue.origin === "array" || issue.origin === "set";
  switch (keyword) {
    case "invalid_type":
      return /received undefined/.test(message) ? { code: "validation.required", params: { field } } : { code: "validation.invalid_type", params: { field, expected: text(issue.expected) } };
    case "too_small":
      return { code: short ? "validation.too_short" : "validation.too_small", params: { field, minimum: text(issue.minimum) } };
    case "too_big":
      return { code: short ? "validation.too_long" : "validation.too_big", params: { field, maximum: text(issue.maximum) } };
    case "invalid_value":
    case "invalid_enum_value":
      return { code: "validation.invalid_value", params: { field, options: text(issue.values ?? issue.options) } };
    case "invalid_format":
    case "invalid_string":
      return { code: "validation.invalid_format", params: { field, format: text(issue.format ?? issue.validation) } };
    case "unrecognized_keys":
      return { code: "validation.unrecognized_keys", params: { field, keys: text(issue.keys) } };
    default:
      return { code: "validation.invalid", params: { field } };
  }
}

/** Fastify's own request errors, by their `code`. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "request.unsupported_media_type",
  FST_ERR_CTP_BODY_TOO_LARGE: "request.too_large",
  FST_ERR_CTP_INVALID_JSON_BODY: "request.invalid_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "request.empty_body",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "request.invalid",
};

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type("application/problem+json").send(body);
}

/** The one place where errors become HTTP responses. Bad input is always 4xx, never 500. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext === "querystring" ? "query parameter" : err.validationContext === "params" ? "path parameter" : "field";
    const errors: ProblemItem[] = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, "").replace(/\//g, ".") || String((v.params as { issue?: { path?: unknown[] } })?.issue?.path?.[0] ?? "");
      const message = v.message ?? "is invalid";
      return { path, message, ...validationCode(v.keyword, message, (v.params ?? {}) as Record<string, unknown>, path) };
    });
    const first = errors[0];
    const detail = first ? `invalid ${where} "${first.path}": ${first.message}` : "invalid request";
    return sendProblem(reply, problem(400, detail, { errors, ...(first ? { code: first.code, params: first.params } : {}) }));
  }
  if (err instanceof InvalidInputError) {
    const isFile = err.problems.some((p) => p.row !== undefined);
    const errors = err.problems.map((p) => problemItem({ ...p, ...(p.column !== undefined && !isFile ? { path: p.column } : {}) }));
    // Without a code of its own, a single-field problem is told by its item's code.
    const coded = err.code ? { code: err.code, params: err.params ?? {} } : !isFile && errors.length === 1 && errors[0] && errors[0].code !== "item.invalid" ? { code: errors[0].code, params: errors[0].params } : { code: "invalid_input" as const, params: {} };
    return sendProblem(reply, problem(isFile ? 422 : 400, err.message, { errors, totalErrors: err.totalProblems, ...coded }));
  }
  const coded = (e: { code?: ProblemCode; params?: ProblemParams }, fallback: ProblemCode) => ({ code: e.code ?? fallback, params: e.params ?? {} });
  if (err instanceof NotFoundError) return sendProblem(reply, problem(404, err.message, coded(err, "not_found")));
  // A version conflict carries the record's current state so the client can reload or compare.
  if (err instanceof ConflictError) {
    const current = "current" in err ? { current: err.current } : {};
    return sendProblem(reply, { ...problem(409, err.message, coded(err, "current" in err ? "conflict.stale_version" : "conflict")), ...current } as ProblemBody);
  }
  if (err instanceof UnauthorizedError) return sendProblem(reply, problem(401, err.message, coded(err, "auth.sign_in_required")));
  if (err.name === "InvalidCredentialsError") return sendProblem(reply, problem(401, err.message, { code: "auth.wrong_credentials", params: {} }));
  if (err instanceof ForbiddenError) return sendProblem(reply, problem(403, err.message, coded(err, "forbidden")));
  const status = typeof err.statusCode === "number" ? err.statusCode : 500;
  if (status === 429) {
    const seconds = /(\d+) s\b/.exec(err.message)?.[1];
    return sendProblem(reply, problem(429, err.message, { code: "auth.rate_limited", params: { seconds: seconds ? Number(seconds) : 60 } }));
  }
  if (status >= 400 && status < 500) {
    const code = FASTIFY_CODES[err.code] ?? (status === 400 ? "request.invalid" : undefined);
    return sendProblem(reply, problem(status, err.message, code ? { code, params: {} } : {}));
  }
  request.log.error(err);
  return sendProblem(reply, problem(500, "The server could not complete the request."));
}
