import type { SelectProps } from "antd";

const shared = { overflow: { adjustX: true, adjustY: true, shiftX: true, shiftY: true }, htmlRegion: "visible" as const, dynamicInset: true };

/**
 * antd Select's own list placements (antd/es/select/mergedBuiltinPlacements) plus shiftX: a list wider than
 * its field (popupMatchSelectWidth 420/480, for long names) slides back inside the screen instead of hanging
 * off its left or right edge on a phone; style.css caps its width at the screen's.
 */
export const WIDE_LIST_PLACEMENTS: NonNullable<SelectProps["builtinPlacements"]> = {
  bottomLeft: { ...shared, points: ["tl", "bl"], offset: [0, 4] },
  bottomRight: { ...shared, points: ["tr", "br"], offset: [0, 4] },
  topLeft: { ...shared, points: ["bl", "tl"], offset: [0, -4] },
  topRight: { ...shared, points: ["br", "tr"], offset: [0, -4] },
};
