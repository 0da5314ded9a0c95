/** Labels of cooperations, English and 简体中文 (words follow docs/UI.md). */
export const cooperationsEn = {
  cityTab: "Cooperations",
};

export const cooperationsZh: typeof cooperationsEn = {
  cityTab: "城市合作",
};
