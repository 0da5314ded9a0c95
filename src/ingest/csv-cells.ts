/** Text a spreadsheet would run as a formula (OWASP CSV injection): it starts with = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number such as -12.5 or +3e-4: a spreadsheet reads it as a number, so it stays as it is. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A text cell that would start a formula gets a leading apostrophe (OWASP's advice); numbers, even negative ones, do not. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The inverse, for the imports that read the product's own exports back: `'=1+2` is the text `=1+2`. */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) && !PLAIN_NUMBER.test(text.slice(1)) ? text.slice(1) : text;
}
