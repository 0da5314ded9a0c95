import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../schema.js";

export class CooperationRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}
}
