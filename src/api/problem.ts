import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnauthorizedError } from "../errors.js";

/** RFC 9457 problem details, with `errors` listing each invalid field. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path?: string; row?: number; column?: string; value?: string; message: string }[];
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

export function problem(status: number, detail?: string, extra: Partial<ProblemBody> = {}): ProblemBody {
  return { type: "about:blank", title: TITLES[status] ?? "Error", status, ...(detail ? { detail } : {}), ...extra };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type("application/problem+json").send(body);
}

/** The one place where errors become HTTP responses. Bad input is always 4xx, never 500. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext === "querystring" ? "query parameter" : err.validationContext === "params" ? "path parameter" : "field";
    const errors = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, "").replace(/\//g, ".") || String((v.params as { issue?: { path?: unknown[] } })?.issue?.path?.[0] ?? "");
      return { path, message: v.message ?? "is invalid" };
    });
    const first = errors[0];
    const detail = first ? `invalid ${where} "${first.path}": ${first.message}` : "invalid request";
    return sendProblem(reply, problem(400, detail, { errors }));
  }
  if (err instanceof InvalidInputError) {
    const isFile = err.problems.some((p) => p.row !== undefined);
    return sendProblem(
      reply,
      problem(isFile ? 422 : 400, err.message, {
        errors: err.problems.map((p) => ({ ...p, ...(p.column !== undefined && !isFile ? { path: p.column } : {}) })),
        totalErrors: err.totalProblems,
      }),
    );
  }
  if (err instanceof NotFoundError) return sendProblem(reply, problem(404, err.message));
  // A version conflict carries the record's current state so the client can reload or compare.
  if (err instanceof ConflictError) return sendProblem(reply, { ...problem(409, err.message), ...("current" in err ? { current: err.current } : {}) } as ProblemBody);
  if (err instanceof UnauthorizedError || err.name === "InvalidCredentialsError") return sendProblem(reply, problem(401, err.message));
  if (err instanceof ForbiddenError) return sendProblem(reply, problem(403, err.message));
  const status = typeof err.statusCode === "number" ? err.statusCode : 500;
  if (status >= 400 && status < 500) return sendProblem(reply, problem(status, err.message));
  request.log.error(err);
  return sendProblem(reply, problem(500, "The server could not complete the request."));
}
