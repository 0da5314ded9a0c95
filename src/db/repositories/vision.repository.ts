import type { Kysely } from "kysely";
import type { District, VisionDocument, VisionProcess } from "../../domain/vision.js";
import type { DatabaseSchema, DistrictsTable, VisionDocumentsTable, VisionProcessesTable } from "../schema.js";

function toDistrict(r: DistrictsTable): District {
  return {
    id: r.id,
    city: r.city_slug,
    names: { en: r.name_en, zh: r.name_zh },
    boundary: r.boundary_json ? (JSON.parse(r.boundary_json) as District["boundary"]) : null,
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function districtRow(d: District): DistrictsTable {
  return {
    id: d.id,
    city_slug: d.city,
    name_en: d.names.en,
    name_zh: d.names.zh,
    boundary_json: d.boundary ? JSON.stringify(d.boundary) : null,
    version: d.version,
    created_by: d.createdBy,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
  };
}

function toProcess(r: VisionProcessesTable): VisionProcess {
  return {
    id: r.id,
    district: r.district_id,
    question: { en: r.question_en, zh: r.question_zh },
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.status as VisionProcess["status"],
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function processRow(p: VisionProcess): VisionProcessesTable {
  return {
    id: p.id,
    district_id: p.district,
    question_en: p.question.en,
    question_zh: p.question.zh,
    starts_on: p.startsOn,
    ends_on: p.endsOn,
    status: p.status,
    version: p.version,
    created_by: p.createdBy,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

function documentRow(d: VisionDocument): VisionDocumentsTable {
  return {
    id: d.id,
    process_id: d.process,
    title_en: d.title.en,
    title_zh: d.title.zh,
    text_en: d.text.en,
    text_zh: d.text.zh,
    statement_ids_json: JSON.stringify(d.statements),
    version: d.version,
    created_by: d.createdBy,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
  };
}

/** Districts, their vision processes and the vision documents they produce. */
export class VisionRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async districtsOfCity(city: string): Promise<District[]> {
    return (await this.db.selectFrom("districts").selectAll().where("city_slug", "=", city).orderBy("name_en").orderBy("id").execute()).map(toDistrict);
  }

  async district(id: string): Promise<District | null> {
    const r = await this.db.selectFrom("districts").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toDistrict(r) : null;
  }

  async insertDistrict(d: District): Promise<void> {
    await this.db.insertInto("districts").values(districtRow(d)).execute();
  }

  /** Replaces a district if its stored version is `expected`; false otherwise. */
  async replaceDistrict(d: District, expected: number): Promise<boolean> {
    const { id: _id, city_slug: _c, created_by: _b, created_at: _a, ...rest } = districtRow(d);
    const r = await this.db.updateTable("districts").set({ ...rest, version: expected + 1 }).where("id", "=", d.id).where("version", "=", expected).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async processesOfDistricts(ids: string[]): Promise<VisionProcess[]> {
    if (ids.length === 0) return [];
    return (await this.db.selectFrom("vision_processes").selectAll().where("district_id", "in", ids).orderBy("starts_on", "desc").orderBy("id").execute()).map(toProcess);
  }

  /** Processes with their district and city, optionally of one city, newest first. */
  async listProcesses(city?: string): Promise<{ process: VisionProcess; district: District }[]> {
    let q = this.db.selectFrom("vision_processes as p").innerJoin("districts as d", "d.id", "p.district_id").selectAll("p").select(["d.city_slug", "d.name_en", "d.name_zh", "d.boundary_json", "d.version as d_version", "d.created_by as d_created_by", "d.created_at as d_created_at", "d.updated_at as d_updated_at"]);
    if (city) q = q.where("d.city_slug", "=", city);
    const rows = await q.orderBy("p.starts_on", "desc").orderBy("p.id").execute();
    return rows.map((r) => ({
      process: toProcess(r),
      district: toDistrict({ id: r.district_id, city_slug: r.city_slug, name_en: r.name_en, name_zh: r.name_zh, boundary_json: r.boundary_json, version: r.d_version, created_by: r.d_created_by, created_at: r.d_created_at, updated_at: r.d_updated_at }),
    }));
  }

  async process(id: string): Promise<VisionProcess | null> {
    const r = await this.db.selectFrom("vision_processes").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toProcess(r) : null;
  }

  async insertProcess(p: VisionProcess): Promise<void> {
    await this.db.insertInto("vision_processes").values(processRow(p)).execute();
  }

  async replaceProcess(p: VisionProcess, expected: number): Promise<boolean> {
    const { id: _id, district_id: _d, created_by: _b, created_at: _a, ...rest } = processRow(p);
    const r = await this.db.updateTable("vision_processes").set({ ...rest, version: expected + 1 }).where("id", "=", p.id).where("version", "=", expected).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async documentsOfProcess(process: string): Promise<VisionDocument[]> {
    const ids = await this.db.selectFrom("vision_documents").select("id").where("process_id", "=", process).orderBy("created_at").orderBy("id").execute();
    return Promise.all(ids.map(async (r) => (await this.document(r.id)) as VisionDocument));
  }

  async document(id: string): Promise<VisionDocument | null> {
    const r = await this.db.selectFrom("vision_documents").selectAll().where("id", "=", id).executeTakeFirst();
    if (!r) return null;
    const targets = await this.db.selectFrom("vision_document_targets").select("target_id").where("document_id", "=", id).orderBy("target_id").execute();
    const actions = await this.db.selectFrom("vision_document_actions").select("action_id").where("document_id", "=", id).orderBy("action_id").execute();
    return {
      id: r.id,
      process: r.process_id,
      title: { en: r.title_en, zh: r.title_zh },
      text: { en: r.text_en, zh: r.text_zh },
      statements: JSON.parse(r.statement_ids_json) as string[],
      targets: targets.map((t) => t.target_id),
      actions: actions.map((a) => a.action_id),
      version: Number(r.version),
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /** Inserts a document, or replaces it if its stored version is `expected`; false on a stale version. */
  async saveDocument(d: VisionDocument, expected: number | null): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      if (expected === null) await tx.insertInto("vision_documents").values(documentRow(d)).execute();
      else {
        const { id: _id, process_id: _p, created_by: _b, created_at: _a, ...rest } = documentRow(d);
        const r = await tx.updateTable("vision_documents").set({ ...rest, version: expected + 1 }).where("id", "=", d.id).where("version", "=", expected).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return false;
        await tx.deleteFrom("vision_document_targets").where("document_id", "=", d.id).execute();
        await tx.deleteFrom("vision_document_actions").where("document_id", "=", d.id).execute();
      }
      if (d.targets.length) await tx.insertInto("vision_document_targets").values(d.targets.map((t) => ({ document_id: d.id, target_id: t }))).execute();
      if (d.actions.length) await tx.insertInto("vision_document_actions").values(d.actions.map((a) => ({ document_id: d.id, action_id: a }))).execute();
      return true;
    });
  }
}
