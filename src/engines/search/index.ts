export * from "./edit-distance.js";
export * from "./highlight.js";
export * from "./suggest-terms.js";
export * from "./tokenize.js";
