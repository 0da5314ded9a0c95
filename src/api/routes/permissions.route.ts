import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { InvalidInputError } from "../../errors.js";

const MAX_CHECKS = 60;

const PermissionSchema = z.object({
  allowed: z.boolean(),
  /** What is missing when not allowed: signing in, being an administrator, or one of the roles in `roles`. */
  needs: z.enum(["sign-in", "admin", "role"]).nullable(),
  /** The roles that would allow it (`role` of `scope`), when `needs` is `role`. */
  roles: z.array(z.object({ role: z.string(), scope: z.string() })),
});

/** A route pattern (`/api/v1/cooperations/:id/actions`) as a matcher of concrete paths, with its parameter names. */
function matcher(pattern: string): { test: (path: string) => Record<string, string> | null; params: number } {
  const names: string[] = [];
  const re = new RegExp(
    `^${pattern
      .split("/")
      .map((seg) => (seg.startsWith(":") ? (names.push(seg.slice(1)), "([^/]+)") : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/")}$`,
  );
  return {
    params: names.length,
    test: (path) => {
      const m = re.exec(path);
      if (!m) return null;
      try {
        return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      } catch {
        return null;
      }
    },
  };
}

/**
 * What the current visitor may write, asked per write the page could offer — computed by the
 * server's own write check (access-control.ts, with the write policy), never a copy of it, so the
 * web UI shows each person only the edit controls their roles allow.
 */
export function permissionsRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/auth/permissions",
      {
        schema: {
          tags: ["accounts"],
          summary: "Whether the current visitor may make these writes (for showing edit controls)",
          description:
            "Each `check` is a write as the client would send it: `METHOD /api/v1/path`, with the body fields a permission depends on as a query string " +
            "(`POST /api/v1/cooperations?programmeId=…`, `POST /api/v1/calls/:id/applications?city=…`, `POST /api/v1/readiness-assessments?pilot=…`). " +
            `Up to ${MAX_CHECKS} checks. Answers, per check, whether the write would pass the permission check (its content is not validated) and, if not, whether signing in, ` +
            "an administrator or one of the listed roles is needed. 200 for everyone, signed in or not; 400 for a write the API does not serve.",
          querystring: z.object({ check: z.union([z.string().min(3).max(500), z.array(z.string().min(3).max(500)).min(1).max(MAX_CHECKS)]) }),
          response: { 200: z.object({ signedIn: z.boolean(), permissions: z.record(z.string(), PermissionSchema) }) },
        },
      },
      async (req, reply) => {
        reply.header("cache-control", "no-store");
        const checks = [...new Set(Array.isArray(req.query.check) ? req.query.check : [req.query.check])];
        // Static paths before parameterised ones (`/inventories/compute` before `/inventories/:id`).
        const routes = app.writeRoutes
          .map((key) => {
            const [method, pattern] = key.split(" ") as [string, string];
            return { key, method, ...matcher(pattern) };
          })
          .sort((x, y) => x.params - y.params);
        const user = req.principal?.user;
        const problems: { column: string; value: string; message: string }[] = [];
        const permissions: Record<string, z.infer<typeof PermissionSchema>> = {};
        for (const check of checks) {
          const m = /^([A-Z]+) (\/api\/[^?\s]*)(?:\?(.*))?$/.exec(check.trim());
          const found = m && routes.flatMap((r) => {
            if (r.method !== m[1]) return [];
            const params = r.test(m[2]!);
            return params ? [{ key: r.key, params }] : [];
          })[0];
          if (!m || !found) {
            problems.push({ column: "check", value: check, message: "is not a write the API serves (METHOD /api/v1/path)" });
            continue;
          }
          const body = Object.fromEntries(new URLSearchParams(m[3] ?? ""));
          // Decoded here, after the text guard saw the raw query: a NUL cannot reach the database.
          if ([...Object.values(found.params), ...Object.values(body)].some((v) => v.includes("\u0000"))) {
            problems.push({ column: "check", value: check, message: "contains a NUL character" });
            continue;
          }
          const d = await app.decideWrite(found.key, user, { params: found.params, body });
          permissions[check] = d.allowed
            ? { allowed: true, needs: null, roles: [] }
            : { allowed: false, needs: d.needs, roles: d.needs === "sign-in" ? [] : d.grants.map((g) => ({ role: g.role, scope: g.scope })) };
        }
        if (problems.length) throw new InvalidInputError(`${problems.length} unknown write(s)`, problems, undefined, { code: "permissions.unknown_writes", params: { count: problems.length } });
        return { signedIn: !!user, permissions };
      },
    );
  };
}
