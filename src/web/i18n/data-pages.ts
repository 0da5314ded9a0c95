/**
 * Labels of the pages that were reachable only through the API (issue 18.7): readiness from a
 * pilot or action, boundary drawing, daily air data and the emission factor library. English and 简体中文.
 */
export const dataPagesEn = {
  readiness: {
    assess: "Assess readiness",
    open: "Readiness assessment",
    openN_one: "Readiness assessment",
    openN_other: "Readiness assessments ({{count}})",
    readOnly: "You can read this assessment; its cooperation's member cities and programme managers change it.",
  },
};

export const dataPagesZh: typeof dataPagesEn = {
  readiness: {
    assess: "评估创新准备度",
    open: "创新准备度评估",
    openN_one: "创新准备度评估",
    openN_other: "创新准备度评估（{{count}}）",
    readOnly: "您可以查看此评估；由该城市合作的成员城市和合作项目负责人修改。",
  },
};
