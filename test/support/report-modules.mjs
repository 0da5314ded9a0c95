// Loaded with `node --import` by test/compiled-build.test.ts: writes every module the process loads
// to the file named by $CITYBRIDGE_LOAD_LOG — ES modules as the loader fetches them (a hook), and
// on exit what the CommonJS loader holds (native addons, packages required with createRequire).
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const file = process.env.CITYBRIDGE_LOAD_LOG;
if (file) {
  register("./report-modules-hook.mjs", import.meta.url, { data: { file } });
  const require = createRequire(import.meta.url);
  process.on("exit", () => appendFileSync(file, Object.keys(require.cache).map((p) => `${p}\n`).join("")));
}
