/**
 * Splits a small reference table written as CSV into rows of cells, skipping `#` comment lines
 * and blank lines. The tables under data/aqi have no quoted fields, so a plain split is exact.
 * @example csvLines("# note\na,b\n1,2\n") //=> [["a","b"],["1","2"]]
 */
export function csvLines(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => line.split(",").map((cell) => cell.trim()));
}

/** A finite number from a table cell, or TypeError naming the cell (a broken data file is a bug). */
export function tableNumber(cell: string, where: string): number {
  const n = Number(cell);
  if (cell === "" || !Number.isFinite(n)) throw new TypeError(`${where}: "${cell}" is not a number`);
  return n;
}
