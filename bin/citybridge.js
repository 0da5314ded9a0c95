#!/usr/bin/env node
// The `citybridge` command. Runs the compiled build (dist/server, made by `npm start`, `npm run build`
// or scripts/build.js) when it is present and up to date with src/; otherwise the TypeScript sources
// through tsx, as in development and on a fresh clone. CITYBRIDGE_RUN=sources forces the sources,
// CITYBRIDGE_RUN=compiled the build.
import { existsSync } from "node:fs";
import { staleReason } from "../scripts/build-state.js";

const compiled = new URL("../dist/server/citybridge.js", import.meta.url);
const want = process.env.CITYBRIDGE_RUN;

function tsxAvailable() {
  try {
    import.meta.resolve("tsx/esm/api");
    return true;
  } catch {
    return false;
  }
}

if (want === "compiled" || (want !== "sources" && staleReason("server") === null)) {
  await import(compiled.href);
} else if (want === "sources" || tsxAvailable()) {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
} else if (existsSync(compiled)) {
  process.stderr.write(`citybridge: the compiled build is ${staleReason("server")}, and tsx (a development dependency) is not installed to run the sources: running the build (npm run build makes a new one)\n`);
  await import(compiled.href);
} else {
  process.stderr.write("citybridge: not built yet, and tsx (a development dependency) is not installed to run the sources: run npm run build\n");
  process.exitCode = 1;
}
