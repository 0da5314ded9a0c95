import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("../../dist/web", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes("node_modules")) return undefined;
          if (id.includes("world-geo-json-zh")) return "world-geo";
          if (id.includes("echarts") || id.includes("zrender")) return "echarts";
          if (id.includes("i18n-iso-countries")) return "countries";
          if (id.includes("antd") || id.includes("@ant-design") || id.includes("rc-") || id.includes("@rc-component")) return "antd";
          return "vendor";
        },
      },
    },
  },
  server: {
    proxy: { "/api": { target: process.env.CITYBRIDGE_API ?? "http://127.0.0.1:8080", changeOrigin: true } },
  },
});
