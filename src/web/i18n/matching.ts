/** Labels of matchmaking, English and 简体中文 (words follow docs/UI.md). */
export const matchingEn = {
  tab: "Counterparts",
};

export const matchingZh: typeof matchingEn = {
  tab: "对口城市",
};
