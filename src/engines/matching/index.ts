export * from "./indicator-gaps.js";
export * from "./practices-for-gaps.js";
