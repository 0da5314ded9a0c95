import { Command } from "commander";
import type { Call, Programme } from "../domain/programme.js";
import type { AppContext } from "../services/context.js";
import { getProgramme, listCalls, listProgrammes } from "../services/programmes.js";
import { addDbOption, withApp } from "./run.js";

const NR = "not yet reported";
const period = (p: Programme) => `${p.startDate ?? NR} – ${p.endDate ?? NR}`;
const names = (n: { en: string; zh: string | null }) => (n.zh ? `${n.en} · ${n.zh}` : n.en);

/** The list entry printed by `programmes list --json`. */
function summary(p: Programme) {
  return {
    id: p.id,
    names: p.names,
    period: { start: p.startDate, end: p.endDate },
    themes: p.themes,
    funder: p.funder,
    counts: p.counts ?? { calls: 0, applications: 0, cooperations: 0 },
  };
}

function printProgramme(p: Programme, calls: Call[]): void {
  const out: string[] = [
    `${p.id}  ${names(p.names)}`,
    `  period:      ${period(p)}`,
    `  themes:      ${p.themes.join(", ") || NR}`,
    `  funder:      ${p.funder ?? NR}`,
  ];
  for (const s of p.sides) out.push(`  side ${s.key}:      ${names(s.names)} (${s.countries.join(", ") || NR})`);
  const e = p.eligibility;
  const rules = [
    e.minPopulation ? `population ≥ ${e.minPopulation.toLocaleString("en-US")}` : null,
    e.requireInventory ? "GHG inventory" : null,
    e.requireTarget ? "emission target" : null,
    e.requirePlan ? "climate plan" : null,
  ].filter(Boolean);
  out.push(`  eligibility: ${rules.join("; ") || "no rules"}`);
  const c = p.counts;
  if (c) out.push(`  counts:      ${c.calls} call(s), ${c.applications} application(s), ${c.cooperations} cooperation(s)`);
  for (const call of calls) out.push(`  call ${call.id}: ${names(call.titles)} — deadline ${call.deadline} (${call.open ? "open" : "closed"}), ${call.applicationCount ?? 0} application(s)`);
  if (p.sources?.length) out.push(`  sources:     ${p.sources.map((s) => s.citation).join("; ")}`);
  process.stdout.write(`${out.join("\n")}\n`);
}

async function show(ctx: AppContext, id: string) {
  const programme = await getProgramme(ctx, id);
  return { programme, calls: await listCalls(ctx, id) };
}

export function programmesCommand(): Command {
  const cmd = new Command("programmes").description("cooperation programmes, their calls for applications and applications");
  cmd.addCommand(
    addDbOption(
      new Command("list")
        .description("list programmes: id, names, period, themes, counts of calls, applications and cooperations")
        .option("--json", 'print {"programmes": [{"id", "names": {"en","zh"}, "period": {"start","end"}, "themes", "funder", "counts"}]}'),
    ).action(async (opts: { json?: boolean; db?: string }) => {
      const list = await withApp(opts, (ctx) => listProgrammes(ctx));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ programmes: list.map(summary) }, null, 2)}\n`);
        return;
      }
      if (list.length === 0) {
        process.stderr.write("no programmes yet\n");
        return;
      }
      for (const p of list) {
        const c = summary(p).counts;
        process.stdout.write(`${p.id}  ${names(p.names)}\n  ${period(p)}; ${p.themes.join(", ") || "no themes"}; ${c.calls} call(s), ${c.applications} application(s), ${c.cooperations} cooperation(s)\n`);
      }
      process.stderr.write(`${list.length} programme(s)\n`);
    }),
  );
  cmd.addCommand(
    addDbOption(
      new Command("show")
        .description("show one programme: sides and countries, funder, eligibility rules, counts and its calls")
        .argument("<id>", "programme id, e.g. iuc-asia")
        .option("--json", 'print {"programme": {…as GET /api/v1/programmes/:id}, "calls": [...]}'),
    ).action(async (id: string, opts: { json?: boolean; db?: string }) => {
      const r = await withApp(opts, (ctx) => show(ctx, id));
      if (opts.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else printProgramme(r.programme, r.calls);
    }),
  );
  return cmd;
}
