/** Labels of monitoring, English and 简体中文 (words follow docs/UI.md). */
export const monitoringEn = {};

export const monitoringZh: typeof monitoringEn = {};
