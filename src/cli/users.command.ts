import { Command } from "commander";
import { createAdmin } from "../services/accounts.js";
import { addDbOption, auditCli, withApp } from "./run.js";

export function usersCommand(): Command {
  const cmd = new Command("users").description("accounts: administrators, users and their roles");
  cmd.addCommand(
    addDbOption(
      new Command("create-admin")
        .description("create an administrator and print a one-time password (there is no default password)")
        .requiredOption("--email <email>", "the administrator's e-mail")
        .option("--name <name>", "display name", "Administrator")
        .option("--json", "print JSON"),
    ).action(async (opts: { email: string; name: string; json?: boolean; db?: string }) => {
      await withApp(opts, async (ctx) => {
        const { user, password } = await createAdmin(ctx, opts.email, opts.name, { oneTime: true });
        await auditCli(ctx, { entity: "user", entityId: user.id, after: user });
        if (opts.json) process.stdout.write(`${JSON.stringify({ user, password })}\n`);
        else process.stdout.write(`created administrator ${user.email}\none-time password: ${password}\nsign in and choose your own password (every other change is refused until you do); it is not stored and will not be shown again.\n`);
      });
    }),
  );
  cmd.addCommand(
    addDbOption(new Command("list").description("list users with their roles").option("--json", "print JSON")).action(async (opts: { json?: boolean; db?: string }) => {
      await withApp(opts, async (ctx) => {
        const users = await ctx.accounts.listUsers();
        if (opts.json) return void process.stdout.write(`${JSON.stringify({ users })}\n`);
        for (const u of users) {
          const roles = [u.isAdmin ? "administrator" : null, ...u.roles.map((r) => `${r.role}:${r.scope}`)].filter(Boolean).join(", ");
          process.stdout.write(`${u.email}\t${u.name}\t${roles || "(no role)"}${u.disabled ? "\tdisabled" : ""}\n`);
        }
      });
    }),
  );
  return cmd;
}
