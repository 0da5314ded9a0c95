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
}

export class InvalidInputError extends Error {
  override readonly name = "InvalidInputError";
  constructor(
    message: string,
    readonly problems: Problem[] = [],
    /** Total number of problems, when more were found than are listed in `problems`. */
    readonly totalProblems: number = problems.length,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
}

export class ConflictError extends Error {
  override readonly name = "ConflictError";
}

/** No signed-in user or API token where one is needed (HTTP 401). */
export class UnauthorizedError extends Error {
  override readonly name = "UnauthorizedError";
}

/** Signed in, but no role covers this record (HTTP 403). */
export class ForbiddenError extends Error {
  override readonly name = "ForbiddenError";
}

/** Formats a problem the way the CLI prints it: `row 17, column "value": "12,5" — reason`. */
export function formatProblem(p: Problem): string {
  const where = [p.row !== undefined ? `row ${p.row}` : null, p.column !== undefined ? `column "${p.column}"` : null]
    .filter(Boolean)
    .join(", ");
  const what = p.value !== undefined ? `value "${p.value}" — ${p.message}` : p.message;
  return where ? `${where}: ${what}` : what;
}
