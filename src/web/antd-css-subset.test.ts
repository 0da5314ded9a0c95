import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postcss from "postcss";
import { describe, expect, it } from "vitest";
import { subsetAntdCss, UNUSED_ANTD } from "./antd-css-subset";

const WEB = fileURLToPath(new URL(".", import.meta.url));
const ANTD_CSS = fileURLToPath(new URL("../../node_modules/antd/dist/antd.css", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?|jsx?)$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });
}

describe("antd stylesheet subset", () => {
  const full = readFileSync(ANTD_CSS, "utf8");
  const subset = subsetAntdCss(full);

  it("drops the unused components' rules and keeps the used ones'", () => {
    for (const prefix of Object.keys(UNUSED_ANTD)) expect(subset, prefix).not.toMatch(new RegExp(`\\.ant-${prefix}(?![a-z0-9_])`));
    for (const used of [".ant-btn", ".ant-table", ".ant-select-dropdown", ".ant-input-number", ".ant-tabs", ".ant-form-item", ".ant-drawer", ".ant-modal", ".ant-tooltip", ".ant-menu", ".ant-pagination"]) {
      expect(subset, used).toContain(used);
    }
    // Every selector dropped names a class of an unused component (a used button inside an unused tour, say).
    const selectors = (css: string) => {
      const all = new Set<string>();
      postcss.parse(css).walkRules((r) => { for (const s of r.selectors) all.add(s); });
      return all;
    };
    const kept = selectors(subset);
    const names = new RegExp(`\\.ant-(?:${Object.keys(UNUSED_ANTD).join("|")})(?![a-z0-9_])`);
    const dropped = [...selectors(full)].filter((s) => !kept.has(s));
    expect(dropped.length).toBeGreaterThan(1000);
    expect(dropped.filter((s) => !names.test(s))).toEqual([]);
    expect(subset.length).toBeLessThan(full.length * 0.85);
  });

  it("keeps the other selectors of a shared rule, keyframes and emptied at-rules' neighbours", () => {
    const css = `.ant-input,.ant-picker{color:red}.ant-picker-dropdown{top:0}@media (max-width:1px){.ant-picker{x:1}}@media (max-width:2px){.ant-btn{x:2}}@keyframes k{from{opacity:0}}.ant-pickerish{a:b}.ant-color-picker-x{y:1}`;
    expect(subsetAntdCss(css)).toBe(`.ant-input{color:red}@media (max-width:2px){.ant-btn{x:2}}@keyframes k{from{opacity:0}}.ant-pickerish{a:b}`);
  });

  it("lists only components no page imports", () => {
    const unused = new Set(Object.values(UNUSED_ANTD).flat());
    const deep = new RegExp(`from\\s+"antd/(?:es|lib)/(?:${Object.keys(UNUSED_ANTD).join("|")})`);
    const offenders: string[] = [];
    for (const file of sources(WEB)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"antd"/g)) {
        for (const name of m[1]!.split(",").map((s) => s.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!)) {
          if (unused.has(name)) offenders.push(`${file}: ${name}`);
        }
      }
      if (deep.test(text)) offenders.push(`${file}: deep import`);
    }
    expect(offenders).toEqual([]);
  });
});
