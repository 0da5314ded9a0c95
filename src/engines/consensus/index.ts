export * from "./prng.js";
export * from "./vote-matrix.js";
export * from "./pca2.js";
export * from "./k-means.js";
export * from "./group-agreement.js";
export * from "./confidence.js";
export * from "./analyse-consensus.js";
