import { Command, InvalidArgumentError } from "commander";
import { COOPERATION_STATUSES, type Cooperation, type CooperationStatus } from "../domain/cooperation.js";
import { getActionPlan, listActions } from "../services/action-plans.js";
import type { AppContext } from "../services/context.js";
import { listKpis } from "../services/cooperation-kpis.js";
import { getCooperation, listCooperations } from "../services/cooperations.js";
import { addDbOption, withApp } from "./run.js";

function parseStatus(v: string): CooperationStatus {
  if (!(COOPERATION_STATUSES as readonly string[]).includes(v)) throw new InvalidArgumentError(`must be one of ${COOPERATION_STATUSES.join(", ")}`);
  return v as CooperationStatus;
}

/** The `--json` shape of one cooperation in `cooperations list`. */
function listItem(c: Cooperation) {
  return {
    id: c.id,
    programme: c.programmeId,
    names: c.names,
    status: c.status,
    members: c.members.map((m) => ({ city: m.slug, role: m.role })),
    themes: c.themes,
    startDate: c.startDate,
    endDate: c.endDate,
  };
}

/** Everything `cooperations show` prints: the cooperation, its plan, and its actions each with its KPIs. */
async function details(ctx: AppContext, id: string) {
  const cooperation = await getCooperation(ctx, id);
  const plan = await getActionPlan(ctx, id);
  const kpis = await listKpis(ctx, id);
  const actions = (await listActions(ctx, id)).map((a) => ({ ...a, kpis: kpis.filter((k) => k.actionId === a.id) }));
  return { cooperation, plan, actions, pilotKpis: kpis.filter((k) => k.actionId === null) };
}

const orNot = (v: string | null | undefined) => v ?? "not yet reported";

function printDetails(d: Awaited<ReturnType<typeof details>>): void {
  const c = d.cooperation;
  const out: string[] = [];
  out.push(`${c.names.en}${c.names.zh ? ` · ${c.names.zh}` : ""}`, `id: ${c.id}`, `programme: ${orNot(c.programmeId)}`, `status: ${c.status}`);
  out.push(`themes: ${c.themes.length ? c.themes.join(", ") : "not yet reported"}`, `period: ${orNot(c.startDate)} – ${c.endDate ?? ""}`.trimEnd());
  out.push("members:", ...c.members.map((m) => `  ${m.slug} (${m.role}${m.side ? `, side ${m.side}` : ""})`));
  out.push("status history:", ...c.transitions.map((t) => `  ${t.date}  ${t.from ?? "—"} → ${t.to}${t.note ? `  (${t.note})` : ""}`));
  const p = d.plan;
  out.push("action plan:");
  if (p.version === 0) out.push("  not yet reported");
  else {
    for (const [label, v] of [["key focus", p.keyFocus], ["challenges", p.challenges], ["objectives", p.objectives], ["expected results", p.expectedResults], ["benefits", p.benefits]] as const) {
      out.push(`  ${label}: ${v.en ?? v.zh ?? "not yet reported"}`);
    }
    out.push(`  SDGs: ${p.sdgs.length ? p.sdgs.join(", ") : "not yet reported"}`, `  EU Urban Agenda: ${p.urbanAgenda.length ? p.urbanAgenda.join(", ") : "not yet reported"}`);
  }
  out.push(`actions: ${d.actions.length ? "" : "none yet"}`.trimEnd());
  for (const a of d.actions) {
    out.push(`  ${a.titles.en} [${a.status}, ${a.completionPct}%] owner ${orNot(a.ownerCity)}`);
    for (const k of a.kpis) out.push(`    KPI ${k.names.en}: baseline ${k.baselineValue} ${k.unit} (${k.baselineDate}) → target ${k.targetValue} ${k.unit} by ${k.targetYear}`);
  }
  out.push("sources:", ...(c.sources.length ? c.sources.map((s) => `  ${s.citation}${s.url ? ` ${s.url}` : ""}`) : ["  none recorded"]));
  process.stdout.write(`${out.join("\n")}\n`);
}

export function cooperationsCommand(): Command {
  const cmd = new Command("cooperations").description("city-to-city cooperations");
  cmd.addCommand(
    addDbOption(
      new Command("list")
        .description("cooperations with their member cities and status")
        .option("--programme <id>", "only this programme's cooperations")
        .option("--city <slug>", "only cooperations this city is a member of")
        .option("--status <status>", `only this status (${COOPERATION_STATUSES.join(", ")})`, parseStatus)
        .option("--json", 'print {"cooperations": [{"id", "programme", "names", "status", "members": [{"city", "role"}], "themes", "startDate", "endDate"}]}'),
    ).action(async (opts: { programme?: string; city?: string; status?: CooperationStatus; json?: boolean; db?: string }) => {
      const list = await withApp(opts, (ctx) => listCooperations(ctx, { programme: opts.programme, city: opts.city, status: opts.status }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ cooperations: list.map(listItem) }, null, 2)}\n`);
        return;
      }
      for (const c of list) {
        process.stdout.write(`${c.id}  [${c.status}]  ${c.names.en}\n    ${c.members.map((m) => `${m.slug} (${m.role})`).join(", ")}\n`);
      }
      process.stderr.write(`${list.length} cooperation(s)\n`);
    }),
  );
  cmd.addCommand(
    addDbOption(
      new Command("show")
        .description("one cooperation: members, status history, action plan, actions with their KPIs")
        .argument("<id>", "cooperation id (see `cooperations list`)")
        .option("--json", 'print {"cooperation", "plan", "actions": [{…, "kpis"}], "pilotKpis"}'),
    ).action(async (id: string, opts: { json?: boolean; db?: string }) => {
      const d = await withApp(opts, (ctx) => details(ctx, id));
      if (opts.json) process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
      else printDetails(d);
    }),
  );
  return cmd;
}
