export * from "./indicator-gaps.js";
export * from "./practices-for-gaps.js";
export * from "./linear-sum-assignment.js";
export * from "./min-cost-pairing.js";
export * from "./programme-pairing.js";
export * from "./city-features.js";
export * from "./counterpart-family.js";
export * from "./counterpart-score.js";
