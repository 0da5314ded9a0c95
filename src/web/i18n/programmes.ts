/** Labels of programmes, English and 简体中文 (words follow docs/UI.md). */
export const programmesEn = {
  nav: "Programmes",
};

export const programmesZh: typeof programmesEn = {
  nav: "合作项目",
};
