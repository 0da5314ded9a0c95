import { userInfo } from "node:os";
import { Command, InvalidArgumentError, Option } from "commander";
import { type EmissionFactor, type GasValue, NewEmissionFactorSchema } from "../domain/emission-factor.js";
import { InvalidInputError } from "../errors.js";
import { addEmissionFactor, getEmissionFactor, listEmissionFactors } from "../services/emission-factors.js";
import { addDbOption, auditCli, withApp } from "./run.js";

const line = (f: EmissionFactor) => `${f.id.padEnd(48)} ${f.gases.map((g) => `${g.gas} ${g.value} ${g.unit}`).join(", ").padEnd(24)} ${f.names.en}  [${f.source}]`;

function gasValue(v: string, previous: string[] = []): string[] {
  if (!/^(CO2|CH4|N2O)=[-+0-9.eE]+$/.test(v)) throw new InvalidArgumentError('must be GAS=VALUE, e.g. CO2=56100 (gases: CO2, CH4, N2O)');
  return [...previous, v];
}

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new InvalidArgumentError("must be a whole number 1–500");
  return n;
};

export function factorsCommand(): Command {
  const cmd = new Command("factors").description("the emission factor library (IPCC 2006 fuels, China MEE grid factors, Ember countries, your own)");
  cmd.addCommand(
    addDbOption(
      new Command("list")
        .description("list factors, optionally matching text in the id or name")
        .argument("[query]", "part of an id or name, e.g. diesel, cn-mee:grid, ember:DEU")
        .addOption(new Option("--kind <kind>", "only this kind").choices(["fuel", "grid", "other"]))
        .addOption(new Option("--gas <gas>", "only factors with a value for this gas").choices(["CO2", "CH4", "N2O"]))
        .option("--unit <unit>", "only factors with a value in this unit, e.g. kg/TJ")
        .option("--year <year>", "only factors of this year", (v) => { const n = Number(v); if (!Number.isInteger(n) || n < 1800 || n > 2200) throw new InvalidArgumentError("must be a year 1800–2200"); return n; })
        .option("--region <region>", "only factors of this region, e.g. CN, CHN")
        .option("--source <id>", "only factors from this source id")
        .option("--own", "only factors added by users")
        .option("--limit <n>", "how many (1–500, default 50)", positiveInt, 50)
        .option("--json", "print JSON"),
    ).action(async (query: string | undefined, opts: { kind?: EmissionFactor["kind"]; gas?: "CO2" | "CH4" | "N2O"; unit?: string; year?: number; region?: string; source?: string; own?: boolean; limit: number; json?: boolean; db?: string }) => {
      const page = await withApp(opts, (ctx) => listEmissionFactors(ctx, { q: query, kind: opts.kind, gas: opts.gas, unit: opts.unit, year: opts.year, region: opts.region, source: opts.source, builtin: opts.own ? false : undefined, limit: opts.limit }));
      if (opts.json) process.stdout.write(`${JSON.stringify(page.items, null, 2)}\n`);
      else if (page.items.length === 0) process.stderr.write(`no emission factor matches "${query ?? ""}"\n`);
      else process.stdout.write(`${page.items.map(line).join("\n")}\n`);
    }),
  );
  cmd.addCommand(
    addDbOption(new Command("show").description("one factor with its source").argument("<id>", "factor id").option("--json", "print JSON")).action(
      async (id: string, opts: { json?: boolean; db?: string }) => {
        const f = await withApp(opts, (ctx) => getEmissionFactor(ctx, id));
        process.stdout.write(opts.json ? `${JSON.stringify(f, null, 2)}\n` : `${line(f)}\n${f.note ?? ""}\n`);
      },
    ),
  );
  cmd.addCommand(
    addDbOption(
      new Command("add")
        .description("add your own factor; it needs a source (a source id or a citation)")
        .requiredOption("--id <id>", "namespaced id, e.g. chongqing:district-heating-2022")
        .requiredOption("--name <text>", "name in English")
        .option("--name-zh <text>", "name in Chinese")
        .requiredOption("--gas <GAS=VALUE>", "a value per gas, repeatable: --gas CO2=56100 --gas CH4=1", gasValue)
        .requiredOption("--unit <unit>", "mass of gas per unit of activity: kg/TJ, kg/kWh, t/t …")
        .requiredOption("--source <text>", "source id or citation")
        .addOption(new Option("--kind <kind>", "kind").choices(["fuel", "grid", "other"]).default("other"))
        .option("--ncv <TJ/Gg>", "net calorific value (TJ/Gg = MJ/kg), to convert fuel mass to energy", Number)
        .option("--year <year>", "the year the factor describes", Number)
        .option("--region <text>", "where it applies, e.g. CN-CQ")
        .option("--json", "print the factor as JSON"),
    ).action(async (opts: { id: string; name: string; nameZh?: string; gas: string[]; unit: string; source: string; kind: string; ncv?: number; year?: number; region?: string; json?: boolean; db?: string }) => {
      const gases: GasValue[] = opts.gas.map((g) => ({ gas: g.split("=")[0] as GasValue["gas"], value: Number(g.split("=")[1]), unit: opts.unit }));
      const parsed = NewEmissionFactorSchema.safeParse({
        id: opts.id,
        names: { en: opts.name, zh: opts.nameZh ?? null },
        kind: opts.kind,
        gases,
        ncvTjPerGg: opts.ncv ?? null,
        year: opts.year ?? null,
        region: opts.region ?? null,
        source: opts.source,
      });
      if (!parsed.success) throw new InvalidInputError("the factor is not valid", parsed.error.issues.map((i) => ({ column: i.path.join("."), message: i.message })));
      const f = await withApp(opts, async (ctx) => {
        const added = await addEmissionFactor(ctx, parsed.data, `cli:${userInfo().username}`);
        await auditCli(ctx, { entity: "emission-factor", entityId: added.id, after: added });
        return added;
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(f, null, 2)}\n`);
      else process.stderr.write(`added ${f.id} (source ${f.source})\n`);
    }),
  );
  return cmd;
}
