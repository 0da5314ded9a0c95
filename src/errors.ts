import { NOT_FOUND_KINDS, type NotFoundKind, type ProblemCode, type ProblemParams } from "./problem-codes.js";

export type { ProblemCode, ProblemParams } from "./problem-codes.js";

/** A machine-readable code and the values its message interpolates (src/problem-codes.ts). */
export interface Coded {
  code?: ProblemCode;
  params?: ProblemParams;
}

/**
 * The small set of errors the product raises. Engines and services throw these; the API maps
 * them to problem+json responses and the CLI to exit codes.
 */

/** One problem found in user input: where it is, the value and why it is wrong. */
export interface Problem {
  /** 1-based row in the input file (the header is row 1), when the input is a file. */
  row?: number;
  /** Column, field or parameter name. */
  column?: string;
  /** The offending value as given. */
  value?: string;
  /** Why it is wrong, phrased to follow the value: `is not a number`. */
  message: string;
  /** The reason as a code (src/problem-codes.ts) and its extra values, for translated messages. */
  code?: ProblemCode;
  params?: ProblemParams;
}

export class InvalidInputError extends Error {
  override readonly name = "InvalidInputError";
  code?: ProblemCode;
  params?: ProblemParams;
  constructor(
    message: string,
    readonly problems: Problem[] = [],
    /** Total number of problems, when more were found than are listed in `problems`. */
    readonly totalProblems: number = problems.length,
    coded: Coded = {},
  ) {
    super(message);
    this.code = coded.code;
    this.params = coded.params;
  }
}

/** An error with an optional code and parameters (the API sends them with the English message). */
class CodedError extends Error {
  code?: ProblemCode;
  params?: ProblemParams;
  constructor(message: string, coded: Coded = {}) {
    super(message);
    this.code = coded.code;
    this.params = coded.params;
  }
}

export class NotFoundError extends CodedError {
  override readonly name = "NotFoundError";
}

export class ConflictError extends CodedError {
  override readonly name = "ConflictError";
}

/** No signed-in user or API token where one is needed (HTTP 401). */
export class UnauthorizedError extends CodedError {
  override readonly name = "UnauthorizedError";
}

/** Signed in, but no role covers this record (HTTP 403). */
export class ForbiddenError extends CodedError {
  override readonly name = "ForbiddenError";
}

/** `no city with slug "x"`, coded `not_found.city` with `{ id: "x" }`. */
export function notFound(kind: NotFoundKind, id: string | number): NotFoundError {
  const [label, key] = NOT_FOUND_KINDS[kind];
  return new NotFoundError(`no ${label} with ${key} "${id}"`, { code: `not_found.${kind}`, params: { id } });
}

/** Formats a problem the way the CLI prints it: `row 17, column "value": "12,5" — reason`. */
export function formatProblem(p: Problem): string {
  const where = [p.row !== undefined ? `row ${p.row}` : null, p.column !== undefined ? `column "${p.column}"` : null]
    .filter(Boolean)
    .join(", ");
  const what = p.value !== undefined ? `value "${p.value}" — ${p.message}` : p.message;
  return where ? `${where}: ${what}` : what;
}
