import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as m0001 from "./migrations/0001-foundation.js";
import * as m0002 from "./migrations/0002-air.js";
import * as m0003 from "./migrations/0003-climate.js";
import * as m0004 from "./migrations/0004-practices.js";
import * as m0005 from "./migrations/0005-cooperation.js";
import * as m0006 from "./migrations/0006-vision.js";
import * as m0007 from "./migrations/0007-accounts.js";
import * as m0008 from "./migrations/0008-practice-index-keys.js";
import * as m0009 from "./migrations/0009-observation-provenance.js";
import * as m0010 from "./migrations/0010-audit-append-only.js";
import * as m0011 from "./migrations/0011-runtime-state.js";
import * as m0012 from "./migrations/0012-change-notify.js";
import * as m0013 from "./migrations/0013-audit-instance.js";
import * as m0014 from "./migrations/0014-must-change-password.js";
import * as m0015 from "./migrations/0015-retire-internal-sources.js";
import * as m0016 from "./migrations/0016-observation-parent-checks.js";
import * as m0017 from "./migrations/0017-observation-indicator-index.js";

/** Migrations are listed in code so they run the same from sources, tests and any working directory. */
const MIGRATIONS: Record<string, Migration> = {
  "0001-foundation": m0001,
  "0002-air": m0002,
  "0003-climate": m0003,
  "0004-practices": m0004,
  "0005-cooperation": m0005,
  "0006-vision": m0006,
  "0007-accounts": m0007,
  "0008-practice-index-keys": m0008,
  "0009-observation-provenance": m0009,
  "0010-audit-append-only": m0010,
  "0011-runtime-state": m0011,
  "0012-change-notify": m0012,
  "0013-audit-instance": m0013,
  "0014-must-change-password": m0014,
  "0015-retire-internal-sources": m0015,
  "0016-observation-parent-checks": m0016,
  "0017-observation-indicator-index": m0017,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies every pending migration; returns the names applied. Throws on the first failure. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
