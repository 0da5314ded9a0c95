import { withStartupLock } from "../db/startup-lock.js";
import { Command } from "commander";
import { migrateToLatest, openDatabase } from "../db/index.js";
import { backupSqlite, restoreSqlite } from "../db/backup.js";
import { addDbOption, CliError, configFrom, EXIT, withApp } from "./run.js";

const PG_BACKUP = "on PostgreSQL use pg_dump / pg_restore (see the README, \"Backups\")";

export function dbCommand(): Command {
  const db = new Command("db").description("database: migrate and seed");
  db.addCommand(
    addDbOption(new Command("migrate").description("apply pending migrations")).action(async (opts: { db?: string }) => {
      const database = openDatabase(configFrom(opts));
      try {
        // Under the servers' startup lock: never beside a server that is migrating or seeding.
        const applied = await withStartupLock(database, () => migrateToLatest(database.db));
        process.stderr.write(applied.length ? `applied ${applied.join(", ")}\n` : "the database is up to date\n");
      } finally {
        await database.close();
      }
    }),
  );
  db.addCommand(
    addDbOption(new Command("seed").description("load the shipped reference data (cities, indicators, CEADs, CDP, Ember); safe to repeat")).action(
      async (opts: { db?: string }) => {
        const { reseedDatabase } = await import("../services/open.js");
        // Under the servers' startup lock: never beside a server or another command that is seeding.
        await withApp(opts, (ctx) => reseedDatabase(ctx, { onStep: (m) => process.stderr.write(`${m}\n`) }), false);
      },
    ),
  );
  db.addCommand(
    addDbOption(new Command("backup").description("copy the SQLite database to FILE while the server keeps running (SQLite online backup)").argument("<file>", "backup file to write"))
      .action(async (file: string, opts: { db?: string }) => {
        const config = configFrom(opts);
        if (config.databaseUrl) throw new CliError(`db backup works on SQLite; ${PG_BACKUP}`, EXIT.invalid);
        const { pages } = await backupSqlite(config.sqlitePath, file);
        process.stderr.write(`backed up ${config.sqlitePath} to ${file} (${pages} pages)\n`);
      }),
  );
  db.addCommand(
    addDbOption(new Command("restore").description("replace the SQLite database with a backup FILE (checked first; stop the server before)").argument("<file>", "backup file to restore"))
      .action(async (file: string, opts: { db?: string }) => {
        const config = configFrom(opts);
        if (config.databaseUrl) throw new CliError(`db restore works on SQLite; ${PG_BACKUP}`, EXIT.invalid);
        const { pages, migrations } = await restoreSqlite(file, config.sqlitePath);
        process.stderr.write(`restored ${config.sqlitePath} from ${file} (${pages} pages, ${migrations.length} migrations)\n`);
        // The backup may predate newer migrations: bring it up to date.
        const database = openDatabase(config);
        try {
          // Under the servers' startup lock: never beside a server that is migrating or seeding.
        const applied = await withStartupLock(database, () => migrateToLatest(database.db));
          if (applied.length) process.stderr.write(`applied ${applied.join(", ")}\n`);
        } finally {
          await database.close();
        }
      }),
  );
  return db;
}
