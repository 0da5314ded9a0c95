import { z } from "zod";

/**
 * `limit`/`offset` paging of a list endpoint, with the total in the answer. Without them a client
 * gets the first `DEFAULT_LIMIT` items, as many as any list of this kind held before paging (the CLI
 * and older clients keep working); a `limit` above `MAX_LIMIT` is a 400 problem+json.
 */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).describe(`items per page (1–${MAX_LIMIT}, default ${DEFAULT_LIMIT})`),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("items to skip"),
};

export const PageFields = {
  total: z.number().int().nonnegative().describe("items matching, over all pages"),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
};
