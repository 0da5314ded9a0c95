import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".tmp/**", "data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Engines are pure: no I/O, no environment, no reaching into outer layers.
    files: ["src/engines/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["**/db/**", "**/api/**", "**/services/**", "**/cli/**", "**/ingest/**", "**/config*"], message: "Engines are pure: no imports from db, api, services, cli, ingest or config." },
          { group: ["node:fs*", "fs", "node:net", "node:http*", "node:child_process", "better-sqlite3", "pg", "kysely"], message: "Engines do no I/O." },
        ],
      }],
      "no-restricted-globals": ["error", { name: "process", message: "Engines do not read process or the environment." }],
    },
  },
  {
    // The web UI uses no deprecated API (antd marks deprecated props @deprecated; its deprecated List is not marked).
    files: ["src/web/**/*.ts", "src/web/**/*.tsx"],
    ignores: ["src/web/vite.config.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-deprecated": "error",
      "no-restricted-imports": ["error", {
        paths: [{ name: "antd", importNames: ["List"], message: "antd 6 deprecates List: use ItemList from src/web/components/ItemList." }],
      }],
    },
  },
  {
    // Only config.ts reads the environment.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/config.ts", "src/**/*.test.ts", "src/web/vite.config.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through src/config.ts." }],
    },
  },
);
