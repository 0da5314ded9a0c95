import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import type { Segmenter } from "../engines/search/tokenize.js";

let jieba: Jieba | null = null;

/**
 * jieba's search-mode segmenter (cutForSearch with HMM for unknown words), loaded once on first
 * use: loading the dictionary takes about a second, so commands that never search do not pay.
 */
export const chineseSegmenter: Segmenter = (run) => {
  jieba ??= Jieba.withDict(dict);
  return jieba.cutForSearch(run, true);
};
