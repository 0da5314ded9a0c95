/** Labels of work, English and 简体中文 (words follow docs/UI.md). */
export const workEn = {};

export const workZh: typeof workEn = {};
