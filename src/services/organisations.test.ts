import { beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/support/databases.js";
import { loadWorkFixture } from "../../test/support/work-fixture.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import type { AppContext } from "./context.js";
import { cooperationCommitments, createCommitment, createOrganisation, deleteCommitment, getOrganisation, listOrganisations, updateCommitment, updateOrganisation } from "./organisations.js";
import { createPilot } from "./pilots.js";
import { VersionConflictError } from "./version-conflict.js";
import { useTestContext } from "../../test/support/context.js";

describe.each(DIALECTS)("partner organisations and commitments on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadWorkFixture(ctx);
  });

  it("registers organisations of each kind and finds them by text and kind", async () => {
    await createOrganisation(ctx, { names: { en: "Chongqing Jiaotong University", zh: "重庆交通大学" }, kind: "academic", country: "CN", citySlug: "chongqing-cn" }, "test");
    await createOrganisation(ctx, { names: { en: "MVV Energie" }, kind: "private", country: "DE", sector: "energy", website: "https://www.mvv.de" }, "test");
    expect((await listOrganisations(ctx, { q: "交通" })).map((o) => o.names.en)).toEqual(["Chongqing Jiaotong University"]);
    expect((await listOrganisations(ctx, { kind: "private" })).map((o) => o.names.en)).toEqual(["MVV Energie"]);
    await expect(createOrganisation(ctx, { names: { en: "X" }, kind: "public", citySlug: "atlantis-xx" }, "test")).rejects.toThrow(NotFoundError);
  });

  it("records a private partner's role and commitment in a cooperation and shows it on the organisation", async () => {
    const [mvv] = await listOrganisations(ctx, { q: "mvv" });
    const c = await createCommitment(ctx, "coop-cq-ma", { organisationId: mvv?.id ?? "", role: "technology partner", commitment: { en: "Heat pump pilot design", zh: "热泵试点设计" } }, "test");
    expect(c).toMatchObject({ cooperationId: "coop-cq-ma", pilotId: null, role: "technology partner", organisation: { names: { en: "MVV Energie" }, kind: "private" } });
    expect((await cooperationCommitments(ctx, "coop-cq-ma")).map((x) => x.id)).toEqual([c.id]);
    expect((await getOrganisation(ctx, mvv?.id ?? "")).commitments.map((x) => x.id)).toEqual([c.id]);
  });

  it("refuses unknown organisations and cooperations, and a pilot of another cooperation", async () => {
    await expect(createCommitment(ctx, "coop-cq-ma", { organisationId: "ghost", role: "r" }, "test")).rejects.toThrow('no organisation with id "ghost"');
    const [mvv] = await listOrganisations(ctx, { q: "mvv" });
    await expect(createCommitment(ctx, "nope", { organisationId: mvv?.id ?? "", role: "r" }, "test")).rejects.toThrow(NotFoundError);
    const pilot = await createPilot(ctx, "coop-zz-ml", { titles: { en: "Hub" } }, "test");
    const err = await createCommitment(ctx, "coop-cq-ma", { organisationId: mvv?.id ?? "", role: "r", pilotId: pilot.id }, "test").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).problems[0]?.column).toBe("pilotId");
  });

  it("updates organisations and commitments at their current version only", async () => {
    const [mvv] = await listOrganisations(ctx, { q: "mvv" });
    const o = await updateOrganisation(ctx, mvv?.id ?? "", { version: 1, sector: "energy utility", names: { en: "MVV Energie AG", zh: "MVV能源公司" } });
    expect(o).toMatchObject({ sector: "energy utility", names: { zh: "MVV能源公司" }, country: "DE", version: 2 });
    await expect(updateOrganisation(ctx, o.id, { version: 1, sector: "x" })).rejects.toBeInstanceOf(VersionConflictError);
    const [c] = await cooperationCommitments(ctx, "coop-cq-ma");
    const c2 = await updateCommitment(ctx, c?.id ?? "", { version: 1, role: "lead technology partner" });
    expect(c2).toMatchObject({ role: "lead technology partner", commitment: { en: "Heat pump pilot design" }, version: 2 });
    await expect(updateCommitment(ctx, c2.id, { version: 1, role: "x" })).rejects.toBeInstanceOf(VersionConflictError);
    await deleteCommitment(ctx, c2.id);
    expect(await cooperationCommitments(ctx, "coop-cq-ma")).toEqual([]);
  });
});
