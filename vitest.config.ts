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
    minWorkers: 1,
  },
});
