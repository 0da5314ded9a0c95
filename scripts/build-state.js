// Whether the builds under dist/ are up to date with their sources. Plain JavaScript, no dependencies:
// bin/citybridge.js asks on every start (about 400 stat calls, a few milliseconds), scripts/build.js
// before building.
//
// A build writes dist/<target>/build.json last: { builtAt, mode }, builtAt being the time the build
// started (a source saved during the build makes it stale). A build is stale when that file is missing,
// or any of its inputs changed after builtAt (git checkout, npm install and editors all set mtimes).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** What each build is made from: directories (walked, tests excluded) and single files. */
export const TARGETS = {
  // Both bundle packages (the server its pure-JavaScript ones, the UI React, antd, ECharts…): the lock
  // file is an input, so a dependency upgrade rebuilds them.
  server: { out: "dist/server", dirs: ["src"], skipDirs: ["src/web"], files: ["scripts/build.js", "package-lock.json", "tsconfig.json"] },
  web: { out: "dist/web", dirs: ["src/web"], skipDirs: [], files: ["scripts/build.js", "package-lock.json"] },
};

function newestIn(dir, skip) {
  let t = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!skip.has(p) && e.name !== "fixtures" && e.name !== "node_modules") t = Math.max(t, newestIn(p, skip));
    } else if (!e.name.endsWith(".test.ts") && !e.name.endsWith(".test.tsx")) {
      t = Math.max(t, statSync(p).mtimeMs);
    }
  }
  return t;
}

/** The newest modification time (ms) among a target's inputs; 0 when none exist (a package without sources). */
export function newestInput(target) {
  const spec = TARGETS[target];
  const skip = new Set(spec.skipDirs.map((d) => join(ROOT, d)));
  let t = 0;
  for (const d of spec.dirs) t = Math.max(t, newestIn(join(ROOT, d), skip));
  for (const f of spec.files) {
    const p = join(ROOT, f);
    if (existsSync(p)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** The stamp of a finished build, or null. */
export function readStamp(target) {
  try {
    return JSON.parse(readFileSync(join(ROOT, TARGETS[target].out, "build.json"), "utf8"));
  } catch {
    return null;
  }
}

/** Why a target needs building, or null when its build is present, in production mode and up to date. */
export function staleReason(target) {
  const stamp = readStamp(target);
  if (!stamp) return "not built yet";
  if (stamp.mode !== "production") return `built in ${stamp.mode ?? "an unknown"} mode`;
  // Without sources (an installed package) the build is all there is.
  if (!existsSync(join(ROOT, "src"))) return null;
  if (newestInput(target) > stamp.builtAt) return "sources changed since it was built";
  return null;
}
