/** Labels of district visions and innovation readiness, English and 简体中文 (words follow docs/UI.md). */
export const visionEn = {
  cityTab: "District visions",
};

export const visionZh: typeof visionEn = {
  cityTab: "街区愿景",
};
