/**
 * antd's static stylesheet (`antd/dist/antd.css`, about 1 MB, the styles of every antd component)
 * without the components citybridge never renders. Every page parses the whole sheet before its
 * first paint, and each component adds `[class^="ant-…"]` rules that the browser tries on every
 * element with a class. Used by the Vite build (`antdCssSubset()` in vite.config.ts); the list is
 * checked against the UI's imports by antd-css-subset.test.ts.
 */
import postcss, { type Root } from "postcss";
import type { Plugin } from "vite";

/**
 * antd components no page imports, by their class prefix (`.ant-<prefix>`, `.ant-<prefix>-…`),
 * with the antd exports that render them. None of the components the UI uses renders one of them
 * inside (the prefixes do not occur in the built bundle). Importing one of these components makes
 * the test fail: take it off the list then.
 */
export const UNUSED_ANTD: Readonly<Record<string, readonly string[]>> = {
  picker: ["DatePicker", "TimePicker"],
  mentions: ["Mentions"],
  "color-picker": ["ColorPicker"],
  cascader: ["Cascader"],
  tour: ["Tour"],
  transfer: ["Transfer"],
  splitter: ["Splitter"],
  carousel: ["Carousel"],
  "float-btn": ["FloatButton"],
  anchor: ["Anchor"],
  breadcrumb: ["Breadcrumb"],
  avatar: ["Avatar"],
  rate: ["Rate"],
  qrcode: ["QRCode"],
  masonry: ["Masonry"],
  watermark: ["Watermark"],
};

/** Matches a selector that names a class of one of the unused components. */
function unusedClass(prefixes: readonly string[]): RegExp {
  const names = [...prefixes].sort((a, b) => b.length - a.length).map((p) => p.replace(/[-]/g, "\\-"));
  return new RegExp(`\\.ant-(?:${names.join("|")})(?![a-z0-9_])`);
}

/**
 * The sheet without the rules of `unused` components: a selector naming one of their classes is
 * dropped from its rule, a rule left without selectors is dropped, and so is an at-rule left
 * empty. Keyframes and the theme's variables stay.
 */
export function subsetAntdCss(css: string, unused: readonly string[] = Object.keys(UNUSED_ANTD)): string {
  const match = unusedClass(unused);
  const root: Root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent?.type === "atrule" && /keyframes$/i.test((rule.parent as { name: string }).name)) return;
    if (!match.test(rule.selector)) return;
    const kept = rule.selectors.filter((s) => !match.test(s));
    if (kept.length === 0) rule.remove();
    else rule.selectors = kept;
  });
  let emptied = true;
  while (emptied) {
    emptied = false;
    root.walkAtRules((at) => {
      if (at.nodes !== undefined && at.nodes.length === 0) {
        at.remove();
        emptied = true;
      }
    });
  }
  return root.toString();
}

/** Vite plugin: antd/dist/antd.css is served and bundled as subsetAntdCss makes it. */
export function antdCssSubset(): Plugin {
  return {
    name: "citybridge:antd-css-subset",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]antd[\\/]dist[\\/]antd\.css(\?|$)/.test(id)) return null;
      return { code: subsetAntdCss(code), map: null };
    },
  };
}
