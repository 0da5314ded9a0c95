/**
 * Typed client for accounts, roles, API tokens, record history and the audit trail
 * (src/api/routes/{auth,users}.route.ts). Writes carry the CSRF header through src/web/csrf.ts.
 */
import { useQuery } from "@tanstack/react-query";
import { request } from "../api";

export const SCOPED_ROLES = ["programme_manager", "city_editor", "partner_contributor"] as const;
export type ScopedRole = (typeof SCOPED_ROLES)[number];

/** A programme id, city slug or cooperation id, by role. */
export interface RoleGrant { role: ScopedRole; scope: string }

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  roles: RoleGrant[];
  createdAt: string;
  /** Signed in with a one-time password: every write but the password change is refused until it is changed. */
  mustChangePassword: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the secret, to recognise it in a list. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type AuditAction = "create" | "update" | "delete";

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery { entity?: string; entityId?: string; actor?: string; after?: number; offset?: number; limit?: number; order?: "asc" | "desc" }

export interface NewUser { email: string; name: string; password: string; isAdmin: boolean }

/** The few fields of a programme the role picker needs. */
export interface ProgrammeOption { id: string; names: { en: string; zh: string | null } }

/** Passwords shorter than this are refused by the server (NIST SP 800-63B §3.1.1.2). */
export const MIN_PASSWORD = 12;

const enc = encodeURIComponent;

function query(params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") qs.set(k, String(v));
  return qs.size ? `?${qs}` : "";
}

export const accountApi = {
  signIn: (email: string, password: string) =>
    request<{ user: User; csrfToken: string; expiresAt: string }>("POST", "/api/v1/auth/sign-in", { email, password }),
  signOut: () => request<void>("POST", "/api/v1/auth/sign-out"),
  me: (signal?: AbortSignal) => request<User>("GET", "/api/v1/auth/me", undefined, signal),
  session: (signal?: AbortSignal) => request<{ user: User | null }>("GET", "/api/v1/auth/session", undefined, signal),
  tokens: (signal?: AbortSignal) => request<{ tokens: ApiToken[] }>("GET", "/api/v1/auth/tokens", undefined, signal),
  createToken: (name: string) => request<{ token: ApiToken; secret: string }>("POST", "/api/v1/auth/tokens", { name }),
  changePassword: (currentPassword: string, newPassword: string) => request<User>("POST", "/api/v1/auth/password", { currentPassword, newPassword }),
  revokeToken: (id: string) => request<void>("DELETE", `/api/v1/auth/tokens/${enc(id)}`),
  users: (signal?: AbortSignal) => request<{ users: User[] }>("GET", "/api/v1/users", undefined, signal),
  createUser: (body: NewUser) => request<User>("POST", "/api/v1/users", body),
  grantRole: (userId: string, grant: RoleGrant) => request<User>("POST", `/api/v1/users/${enc(userId)}/roles`, grant),
  revokeRole: (userId: string, grant: RoleGrant) => request<User>("DELETE", `/api/v1/users/${enc(userId)}/roles`, grant),
  /** A record's history, oldest first; with `page`, one page of it (newest first with `order: "desc"`) and the total. */
  history: (entity: string, id: string, signal?: AbortSignal, page?: { limit: number; offset: number; order?: "asc" | "desc" }) =>
    request<{ entries: AuditEntry[]; total: number }>("GET", `/api/v1/history/${enc(entity)}/${enc(id)}${page ? query({ ...page }) : ""}`, undefined, signal),
  audit: (q: AuditQuery, signal?: AbortSignal) =>
    request<{ entries: AuditEntry[]; total: number }>("GET", `/api/v1/audit${query({ ...q })}`, undefined, signal),
  auditCsvUrl: (): string => "/api/v1/audit.csv",
  programmes: (signal?: AbortSignal) => request<{ programmes: ProgrammeOption[] }>("GET", "/api/v1/programmes", undefined, signal),
};

/** The signed-in user (with roles), or null when nobody is (asked without a 401, so an anonymous visit logs no error). Key ["me"]. */
export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async ({ signal }): Promise<User | null> => (await accountApi.session(signal)).user,
    staleTime: 60_000,
  });
}

/** The sign-in page, coming back to `path` (default: the current page) afterwards. */
export function signInUrl(path?: string): string {
  const here = path ?? (typeof window === "undefined" ? "/" : `${window.location.pathname}${window.location.search}`);
  return here === "/" || here.startsWith("/sign-in") ? "/sign-in" : `/sign-in?next=${encodeURIComponent(here)}`;
}

/** A `next` parameter safe to navigate to: a path on this site only (never `//host` or a URL). */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
