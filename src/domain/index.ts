export * from "./city.js";
export * from "./indicator.js";
export * from "./observation.js";
export * from "./source.js";
export * from "./text.js";
export * from "./practice.js";
