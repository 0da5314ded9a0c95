/** The work of a cooperation: activities and outputs, pilot projects and funding, partners (issue 6). */
export * from "./activity.js";
export * from "./organisation.js";
export * from "./pilot.js";
