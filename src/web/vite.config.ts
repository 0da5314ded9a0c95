import { fileURLToPath } from "node:url";
import { defineConfig, type UserConfig } from "vite";
import react from "@vitejs/plugin-react";
import { antdCssSubset } from "./antd-css-subset";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("../../dist/web", import.meta.url));

const config: UserConfig = {
  root,
  plugins: [react(), antdCssSubset()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // .vite/manifest.json: the server preloads each route's chunks from it (src/api/spa-shell.ts).
    manifest: true,
    rollupOptions: {
      output: {
        manualChunks(id) {
          // Vite's dynamic-import helper (used by every chunk that imports another on demand) stays with the shared code,
          // not in the first manual chunk that happens to use it (it had pulled ECharts into index.html's imports).
          if (id.includes("vite/preload-helper") || id.includes("vite/modulepreload-polyfill")) return "vendor";
          if (!id.includes("node_modules")) return undefined;
          if (id.includes("world-geo-json-zh")) return "world-geo";
          // ECharts is left to Rollup too: its core and the app's set-up (src/web/echarts.ts) make one shared chunk
          // (named echarts-…), and each chart type goes with the pages that draw it, so the home map no longer loads the
          // heatmap, calendar, radar, graph and bar charts of other pages (its scripts 1,939 → 1,855 kB).
          if (id.includes("i18n-iso-countries")) return "countries";
          // antd and its rc-components are left to Rollup: each page's chunk takes the components it uses,
          // so the first page does not parse all of antd (one forced chunk was 980 kB, preloaded everywhere).
          if (id.includes("antd") || id.includes("@ant-design") || id.includes("rc-") || id.includes("@rc-component")) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@tanstack|i18next|react-i18next)\//.test(id)) return "vendor";
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { "/api": { target: process.env.CITYBRIDGE_API ?? "http://127.0.0.1:8080", changeOrigin: true } },
  },
};

export default defineConfig(({ command, mode }) => {
  // A build is for production, whoever runs it: under vitest NODE_ENV is "test", which Vite would
  // pass on to the bundle, giving React's and antd's development builds (and their console warnings).
  // `vite build --mode development` still makes a development build, to look for those warnings.
  if (command === "build" && mode !== "development") process.env.NODE_ENV = "production";
  return config;
});
