import { Command } from "commander";
import { migrateToLatest, openDatabase } from "../db/index.js";
import { seed } from "../services/seed.js";
import { addDbOption, configFrom, withApp } from "./run.js";

export function dbCommand(): Command {
  const db = new Command("db").description("database: migrate and seed");
  db.addCommand(
    addDbOption(new Command("migrate").description("apply pending migrations")).action(async (opts: { db?: string }) => {
      const database = openDatabase(configFrom(opts));
      try {
        const applied = await migrateToLatest(database.db);
        process.stderr.write(applied.length ? `applied ${applied.join(", ")}\n` : "the database is up to date\n");
      } finally {
        await database.close();
      }
    }),
  );
  db.addCommand(
    addDbOption(new Command("seed").description("load the shipped reference data (cities, indicators, CEADs, CDP, Ember); safe to repeat")).action(
      async (opts: { db?: string }) => {
        await withApp(opts, (ctx) => seed(ctx, { onStep: (m) => process.stderr.write(`${m}\n`) }), false);
      },
    ),
  );
  return db;
}
