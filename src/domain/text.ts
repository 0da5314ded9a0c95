/**
 * Folds text for matching: Unicode compatibility decomposition, accents dropped, lower case.
 * "Málaga" and "MALAGA" both fold to "malaga"; Chinese characters are kept as they are.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[łŁ]/g, "l")
    .replace(/[øØ]/g, "o")
    .toLowerCase()
    .trim();
}
