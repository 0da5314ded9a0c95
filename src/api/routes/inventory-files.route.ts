import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { InventoryViewSchema } from "../../domain/inventory-result.js";
import type { AppContext } from "../../services/context.js";
import { crfRows, exportInventory } from "../../services/export-inventory.js";
import { importInventoryActivities } from "../../services/import-inventory-activities.js";
import { inventoryView } from "../../services/inventory-view.js";
import { problem, sendProblem } from "../problem.js";
import { uploadedBuffer } from "../upload.js";

/** Largest activity-data CSV accepted (an inventory holds at most 5,000 activities). */
export const MAX_ACTIVITY_CSV_BYTES = 2 * 1024 * 1024;

const IdParams = z.object({ id: z.uuid() });
const Bilingual = z.object({ en: z.string(), zh: z.string() });

const CrfRowSchema = z.object({
  sector: z.string(),
  sectorNames: Bilingual,
  row: z.string(),
  names: Bilingual,
  refs: z.array(z.string()),
  scope1: z.number().nullable(),
  scope2: z.number().nullable(),
  scope3: z.number().nullable(),
  total: z.number(),
  notationKeys: z.array(z.string()),
  note: z.string().nullable(),
});

export function inventoryFilesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Activity files are small: read the CSV body as text (this plugin's own parser).
    app.addContentTypeParser(["text/csv", "application/csv", "text/plain"], { parseAs: "string", bodyLimit: MAX_ACTIVITY_CSV_BYTES }, (_req, body, done) => done(null, body));

    app.post(
      "/inventories/:id/import",
      {
        bodyLimit: MAX_ACTIVITY_CSV_BYTES,
        schema: {
          tags: ["climate"],
          summary: "Import activity data from CSV into a draft inventory, all rows or none",
          description:
            "Body: `text/csv` or multipart field `file`. Columns (only `gpc` required): gpc, description, amount, unit, factor, gas, value, value_unit, notation_key, ch4_origin, density, density_unit, calorific_value, calorific_value_unit, source. " +
            "A row is a notation key, an amount with a factor id and/or one inline factor (gas, value, value_unit), or emissions (gas, value, value_unit t). Any problem: 422 with `errors: [{row, column, value, message}]` and nothing is written.",
          params: IdParams,
          querystring: z.object({ version: z.coerce.number().int().positive(), mode: z.enum(["replace", "append"]).default("replace") }),
          response: { 200: InventoryViewSchema },
        },
      },
      async (req, reply) => {
        let csv: string;
        if (req.isMultipart()) {
          const buf = await uploadedBuffer(req, reply, MAX_ACTIVITY_CSV_BYTES);
          if (!Buffer.isBuffer(buf)) return buf;
          csv = buf.toString("utf8");
        } else if (typeof req.body === "string") csv = req.body;
        else return sendProblem(reply, problem(415, "send the CSV as text/csv or as multipart/form-data with a field named file"));
        return importInventoryActivities(ctx, req.params.id, { csv, version: req.query.version, mode: req.query.mode });
      },
    );

    app.get(
      "/inventories/:id/export",
      {
        schema: {
          tags: ["climate"],
          summary: "Download an inventory: csv (activities with emissions), json (inventory, result, completeness) or crf (GCoM CRF emissions table as CSV)",
          params: IdParams,
          querystring: z.object({ format: z.enum(["csv", "json", "crf"]).default("csv") }),
        },
      },
      async (req, reply) => {
        const f = await exportInventory(ctx, req.params.id, req.query.format);
        return reply.type(f.type).header("content-disposition", `attachment; filename="${f.filename}"`).send(f.body);
      },
    );

    app.get(
      "/inventories/:id/crf",
      {
        schema: {
          tags: ["climate"],
          summary: "The inventory in the layout of the GCoM Common Reporting Framework: tCO2e by CRF sub-sector and scope",
          params: IdParams,
          response: { 200: z.object({ gwp: z.string(), rows: z.array(CrfRowSchema), total: z.object({ basic: z.number(), basicPlus: z.number() }) }) },
        },
      },
      async (req) => {
        const v = await inventoryView(ctx, req.params.id);
        return { gwp: v.result.gwp, rows: crfRows(v), total: { basic: v.result.total.basic, basicPlus: v.result.total.basicPlus } };
      },
    );
  };
}
