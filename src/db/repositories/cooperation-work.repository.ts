import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../schema.js";

export class CooperationWorkRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}
}
