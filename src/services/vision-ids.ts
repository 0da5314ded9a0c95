import { createHash, randomBytes } from "node:crypto";
import { foldText } from "../domain/text.js";

/** A short readable id: the folded English name as a slug (≤ 40 chars) and 6 random hex digits. */
export function readableId(name: string): string {
  const slug = foldText(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${slug || "x"}-${randomBytes(3).toString("hex")}`;
}

/** A participant token (opaque, 32 url-safe characters) and the hash that is stored instead of it. */
export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
