import { type Kysely, sql } from "kysely";
import { type EmissionFactor, GasValueSchema } from "../../domain/emission-factor.js";
import type { DatabaseSchema, EmissionFactorsTable } from "../schema.js";

export interface FactorSearch {
  /** Part of the id or of the English or Chinese name, case-insensitive. */
  q?: string;
  kind?: EmissionFactor["kind"];
  /** Has a value for this gas. */
  gas?: "CO2" | "CH4" | "N2O";
  /** Has a value in this unit, e.g. `kg/TJ` (case-insensitive). */
  unit?: string;
  year?: number;
  /** Region, exactly (`CN`, `CN/East China`, `CHN`). */
  region?: string;
  /** Source id, exactly. */
  source?: string;
  /** Shipped with the product (true) or added by users (false). */
  builtin?: boolean;
  limit: number;
  /** The last id of the previous page. */
  after?: string;
}

function toFactor(r: EmissionFactorsTable): EmissionFactor {
  return {
    id: r.id,
    names: { en: r.name_en, zh: r.name_zh },
    kind: r.kind as EmissionFactor["kind"],
    gases: GasValueSchema.array().parse(JSON.parse(r.gases_json)),
    ncvTjPerGg: r.ncv_tj_per_gg,
    year: r.year,
    region: r.region,
    source: r.source_id,
    note: r.note,
    builtin: Number(r.builtin) === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

function toRow(f: EmissionFactor): EmissionFactorsTable {
  return {
    id: f.id,
    name_en: f.names.en,
    name_zh: f.names.zh,
    kind: f.kind,
    gases_json: JSON.stringify(f.gases),
    ncv_tj_per_gg: f.ncvTjPerGg,
    year: f.year,
    region: f.region,
    source_id: f.source,
    note: f.note,
    builtin: f.builtin ? 1 : 0,
    created_by: f.createdBy,
    created_at: f.createdAt,
  };
}

/** The emission factor library: shipped factors and the ones users add. */
export class EmissionFactorRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async get(id: string): Promise<EmissionFactor | null> {
    const r = await this.db.selectFrom("emission_factors").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toFactor(r) : null;
  }

  /** Every factor, by id: what an inventory computation looks factor ids up in. */
  async all(): Promise<EmissionFactor[]> {
    return (await this.db.selectFrom("emission_factors").selectAll().orderBy("id").execute()).map(toFactor);
  }

  /** A page of factors in id order. */
  async search(s: FactorSearch): Promise<EmissionFactor[]> {
    let q = this.db.selectFrom("emission_factors").selectAll();
    if (s.q) {
      const like = `%${s.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      q = q.where(sql<boolean>`lower(id || ' ' || name_en || ' ' || coalesce(name_zh, '')) like ${like} escape '\\'`);
    }
    if (s.kind) q = q.where("kind", "=", s.kind);
    // gases_json is written by toRow as JSON.stringify of {gas, value, unit} objects: its keys and quoting are fixed.
    const inGases = (key: string, v: string) => sql<boolean>`lower(gases_json) like ${`%"${key}":${JSON.stringify(v).toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`} escape '\\'`;
    if (s.gas) q = q.where(inGases("gas", s.gas));
    if (s.unit) q = q.where(inGases("unit", s.unit));
    if (s.year !== undefined) q = q.where("year", "=", s.year);
    if (s.region) q = q.where("region", "=", s.region);
    if (s.source) q = q.where("source_id", "=", s.source);
    if (s.builtin !== undefined) q = q.where("builtin", "=", s.builtin ? 1 : 0);
    if (s.after) q = q.where("id", ">", s.after);
    return (await q.orderBy("id").limit(s.limit).execute()).map(toFactor);
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom("emission_factors").select(sql<number>`cast(count(*) as integer)`.as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async insert(f: EmissionFactor): Promise<void> {
    await this.db.insertInto("emission_factors").values(toRow(f)).execute();
  }

  /** Inserts or refreshes shipped factors by id (a re-seed updates values and sources). */
  async upsertMany(factors: EmissionFactor[]): Promise<void> {
    for (let i = 0; i < factors.length; i += 200) {
      await this.db
        .insertInto("emission_factors")
        .values(factors.slice(i, i + 200).map(toRow))
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            name_en: eb.ref("excluded.name_en"),
            name_zh: eb.ref("excluded.name_zh"),
            kind: eb.ref("excluded.kind"),
            gases_json: eb.ref("excluded.gases_json"),
            ncv_tj_per_gg: eb.ref("excluded.ncv_tj_per_gg"),
            year: eb.ref("excluded.year"),
            region: eb.ref("excluded.region"),
            source_id: eb.ref("excluded.source_id"),
            note: eb.ref("excluded.note"),
          })),
        )
        .execute();
    }
  }
}
