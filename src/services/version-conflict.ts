import { ConflictError } from "../errors.js";

/**
 * An update was based on an old version: someone else changed the record first. Carries the
 * current record so the client can show it and merge (the API answers 409 with it as `current`).
 */
export class VersionConflictError<T = unknown> extends ConflictError {
  constructor(
    message: string,
    readonly current: T,
  ) {
    super(message);
  }
}
