export * from "./synthetic-control.js";
export * from "./simplex-least-squares.js";
export * from "./warnings.js";
export { nnls, type NnlsResult } from "./nnls.js";
