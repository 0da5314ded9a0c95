/**
 * What the current visitor may write, as the server decides it (GET /api/v1/auth/permissions,
 * computed by the server's own write check — the policy is never copied here). A page asks about
 * the writes its controls would send (`POST /api/v1/cooperations/:id/actions`, with the ids filled
 * in); the checks asked in the same moment go in one request. Signing in or out refetches them.
 */
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { request } from "../api";
import { signInUrl } from "./api";

export interface Permission {
  allowed: boolean;
  /** What is missing: signing in, an administrator, or one of `roles`. */
  needs: "sign-in" | "admin" | "role" | null;
  roles: { role: string; scope: string }[];
}

type Waiter = { resolve: (p: Permission) => void; reject: (e: unknown) => void };
let pending = new Map<string, Waiter[]>();
let scheduled = false;
const BATCH = 50;

async function flush(): Promise<void> {
  scheduled = false;
  const batch = pending;
  pending = new Map();
  const checks = [...batch.keys()];
  for (let i = 0; i < checks.length; i += BATCH) {
    const part = checks.slice(i, i + BATCH);
    try {
      const qs = part.map((c) => `check=${encodeURIComponent(c)}`).join("&");
      const r = await request<{ signedIn: boolean; permissions: Record<string, Permission> }>("GET", `/api/v1/auth/permissions?${qs}`);
      for (const c of part) for (const w of batch.get(c) ?? []) w.resolve(r.permissions[c] ?? { allowed: false, needs: null, roles: [] });
    } catch (e) {
      for (const c of part) for (const w of batch.get(c) ?? []) w.reject(e);
    }
  }
}

function ask(check: string): Promise<Permission> {
  return new Promise((resolve, reject) => {
    pending.set(check, [...(pending.get(check) ?? []), { resolve, reject }]);
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => void flush(), 0);
    }
  });
}

const enc = encodeURIComponent;

/** A write as the permission check names it: `method` and the API path with its ids, plus the body fields a permission depends on. */
export function write(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: Record<string, string | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(body ?? {})) if (v) qs.set(k, v);
  return `${method} /api/v1${path}${qs.size ? `?${qs}` : ""}`;
}

/** Path segments, encoded: `path("cooperations", id, "actions")`. */
export const path = (...segments: string[]): string => `/${segments.map(enc).join("/")}`;

/**
 * Whether the visitor may make this write (`write("POST", path("cities", slug, "inventories"))`),
 * or null while unknown (show nothing yet) and when `check` is null.
 */
export function useCan(check: string | null): Permission | null {
  const q = useQuery({ queryKey: ["can", check], queryFn: () => ask(check!), enabled: check !== null, staleTime: 60_000, retry: 1 });
  return q.data ?? null;
}

/** A "Sign in to edit" / "登录后编辑" link back to this page. */
export function SignInToEdit({ testId = "sign-in-to-edit" }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" data-testid={testId}>
      <Link to={signInUrl()}>{t("account.signInToEdit")}</Link>
    </Typography.Text>
  );
}

/**
 * Its children when the visitor may make the write; otherwise nothing, or — with `signInHint`,
 * for a visitor who is not signed in — the "Sign in to edit" link (the action exists and needs a role).
 */
export function Can({ check, children, signInHint = false, fallback = null }: { check: string | null; children: ReactNode; signInHint?: boolean; fallback?: ReactNode }) {
  const p = useCan(check);
  if (!p) return null;
  if (p.allowed) return <>{children}</>;
  if (signInHint && p.needs === "sign-in") return <SignInToEdit />;
  return <>{fallback}</>;
}
