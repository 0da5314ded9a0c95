// Builds the web UI (dist/web) when it is missing or older than its sources; used by `npm start`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = join(root, "dist/web/index.html");

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync(built) || statSync(built).mtimeMs < newest(join(root, "src/web"))) {
  process.stderr.write("building the web UI (once; takes about a minute)…\n");
  const r = spawnSync("npx", ["vite", "build", "--config", "src/web/vite.config.ts", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
