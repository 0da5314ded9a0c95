import { randomBytes } from "node:crypto";

/**
 * A short readable id: the kebab-case ASCII of `name` (at most 40 characters) and 6 random
 * characters, e.g. "iuc-asia-2026-k3f9qa". Never max+1, so concurrent writers cannot collide.
 */
export function readableId(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  const suffix = randomBytes(6).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "x").slice(0, 6);
  return base ? `${base}-${suffix}` : suffix;
}
