import { createRequire } from "node:module";
import type { Jieba } from "@node-rs/jieba";
import type { Segmenter } from "../engines/search/tokenize.js";

let jieba: Jieba | null = null;

/**
 * jieba's search-mode segmenter (cutForSearch with HMM for unknown words), loaded once on first
 * use: loading the dictionary takes about a second, so commands that never search do not pay.
 */
export const chineseSegmenter: Segmenter = (run) => {
  if (!jieba) {
    // Required here, not imported at the top: the native module and its 5 MB dictionary load only
    // when something is segmented (a search, an import), never for commands that do not.
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
    const { dict } = require("@node-rs/jieba/dict.js") as { dict: Uint8Array };
    jieba = JiebaClass.withDict(dict);
  }
  return jieba.cutForSearch(run, true);
};
