import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["node_modules/**", "dist/**"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Browser and CLI tests start servers and subprocesses: keep the machine's two cores usable.
    maxWorkers: 2,
    // On CI a failed test is tried once more (as Playwright's own runner does there), so that one
    // timing slip of a browser on a loaded 2-core machine does not throw away a whole hand-in; a
    // test that fails twice fails the run, and a retried pass is listed in the output ("retry x1").
    retry: process.env.CI ? 1 : 0,
    minWorkers: 1,
  },
});
