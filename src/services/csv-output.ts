import { stringify, type Options } from "csv-stringify/sync";
import { neutraliseFormula } from "../ingest/csv-cells.js";

/**
 * The one way the product writes CSV: csv-stringify with every text cell passed through
 * `neutraliseFormula` (a cell starting with = + - @, a tab or a CR gets a leading apostrophe).
 * Number cells, and text that is a plain number such as "-12.5", are written unchanged.
 */
export function toCsv(rows: unknown[][], opts: Omit<Options, "cast"> = {}): string {
  return stringify(rows, { ...opts, cast: { string: neutraliseFormula } });
}
