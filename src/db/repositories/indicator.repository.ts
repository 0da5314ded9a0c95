import type { Kysely } from "kysely";
import { type Indicator, ReferenceValueSchema } from "../../domain/indicator.js";
import type { DatabaseSchema, IndicatorsTable } from "../schema.js";

function toIndicator(r: IndicatorsTable): Indicator {
  return {
    code: r.code,
    theme: r.theme as Indicator["theme"],
    names: { en: r.name_en, zh: r.name_zh },
    unit: r.unit,
    direction: r.direction as Indicator["direction"],
    description: r.description_en && r.description_zh ? { en: r.description_en, zh: r.description_zh } : null,
    references: ReferenceValueSchema.array().parse(JSON.parse(r.references_json)),
  };
}

export class IndicatorRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async list(): Promise<Indicator[]> {
    const rows = await this.db.selectFrom("indicators").selectAll().orderBy("sort_order").orderBy("code").execute();
    return rows.map(toIndicator);
  }

  async get(code: string): Promise<Indicator | null> {
    const row = await this.db.selectFrom("indicators").selectAll().where("code", "=", code).executeTakeFirst();
    return row ? toIndicator(row) : null;
  }

  async codes(): Promise<Set<string>> {
    const rows = await this.db.selectFrom("indicators").select("code").execute();
    return new Set(rows.map((r) => r.code));
  }

  /** Inserts or replaces indicators by code; their order in the array is the catalogue's order. */
  async upsertMany(indicators: Indicator[]): Promise<void> {
    if (indicators.length === 0) return;
    const rows: IndicatorsTable[] = indicators.map((i, n) => ({
      code: i.code,
      theme: i.theme,
      name_en: i.names.en,
      name_zh: i.names.zh,
      unit: i.unit,
      direction: i.direction,
      description_en: i.description?.en ?? null,
      description_zh: i.description?.zh ?? null,
      references_json: JSON.stringify(i.references),
      sort_order: n,
    }));
    await this.db
      .insertInto("indicators")
      .values(rows)
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          theme: eb.ref("excluded.theme"),
          name_en: eb.ref("excluded.name_en"),
          name_zh: eb.ref("excluded.name_zh"),
          unit: eb.ref("excluded.unit"),
          direction: eb.ref("excluded.direction"),
          description_en: eb.ref("excluded.description_en"),
          description_zh: eb.ref("excluded.description_zh"),
          references_json: eb.ref("excluded.references_json"),
          sort_order: eb.ref("excluded.sort_order"),
        })),
      )
      .execute();
  }
}
