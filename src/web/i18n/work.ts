/** Labels of work (activities, partners, pilot projects), English and 简体中文 (words follow docs/UI.md). */
export const workEn = {
  notReported: "Not yet reported",
  otherLanguage: "(English)",
  save: "Save", cancel: "Cancel", add: "Add", delete: "Delete", conflict: "Someone else changed this record (now version {{version}}); the latest is shown — please check and try again.",
  activityKinds: {
    study_visit: "Study visit", business_roundtable: "Business roundtable", workshop: "Workshop", webinar: "Webinar", staff_exchange: "Staff exchange",
    training: "Training", conference: "Conference", forum: "Forum", other: "Other",
  },
  outputKinds: { mou: "Memorandum of understanding", joint_declaration: "Joint declaration", report: "Report", pilot_project: "Pilot project", other: "Other" },
  organisationKinds: { public: "Public", private: "Private", academic: "Academic", civil_society: "Civil society", residents: "Residents" },
  pilotStatuses: { planned: "Planned", in_progress: "In progress", done: "Done", delayed: "Delayed", cancelled: "Cancelled" },
  decisions: { pending: "Pending", awarded: "Awarded", rejected: "Rejected", withdrawn: "Withdrawn" },
  activities: {
    title: "Activities", activity: "Activity", none: "No activity recorded yet.", add: "Record an activity", kind: "Kind", titleEn: "Title (English)", titleZh: "Title (中文)",
    startDate: "Start date", endDate: "End date", place: "Place", organisations: "Participating organisations", outputs: "Outputs", noOutputs: "No output recorded.",
    addOutput: "Add an output", outputTitle: "Output title", date: "Date", url: "Document or link (http/https)", pilot: "Pilot project", programmeWide: "Programme-wide",
    timelineAria: "Timeline of the cooperation's activities by date", newOrganisation: "New organisation", pickOrganisations: "Search organisations",
    sources: "Sources", deleteConfirm: "Delete this activity and its outputs?",
  },
  partners: {
    title: "Partner organisations", ppp: "Public–private–people partnership", none: "No partner organisation yet.", add: "Add a partner", organisation: "Organisation",
    existing: "Existing organisation", createNew: "New organisation", nameEn: "Name (English)", nameZh: "Name (中文)", kind: "Kind", country: "Country (ISO code, e.g. DE)",
    sector: "Sector", website: "Website", role: "Role", commitment: "Commitment", commitmentEn: "Commitment (English)", commitmentZh: "Commitment (中文)",
    pilot: "In pilot project", wholeCooperation: "The whole cooperation", mixAria: "Mix of partner organisations by kind: {{summary}}", mix: "Partnership mix",
    count: "{{count}} organisations", removeConfirm: "Remove this commitment?",
  },
  pilots: {
    title: "Pilot projects", pilot: "Pilot project", none: "No pilot project yet.", add: "Add a pilot project", titleEn: "Title (English)", titleZh: "Title (中文)",
    city: "City", budget: "Budget", currency: "Currency", status: "Status", startDate: "Start", endDate: "End", partners: "Partners", noPartners: "No partner committed to this pilot yet.",
    kpis: "KPIs", noKpis: "No KPI linked to this pilot yet (KPIs are kept in the action plan).", baseline: "Baseline", target: "Target", latest: "Latest",
    funding: "Follow-up funding", noFunding: "No application to a follow-up fund yet.", addFund: "Add a fund application", fund: "Fund", submittedOn: "Submitted on",
    amountRequested: "Amount requested", score: "Score (0–100)", decision: "Decision", decidedOn: "Decided on", amountAwarded: "Amount awarded",
    recordDecision: "Record the decision", changeStatus: "Status",
  },
};

export const workZh: typeof workEn = {
  notReported: "尚未报告",
  otherLanguage: "（中文暂缺，显示英文）",
  save: "保存", cancel: "取消", add: "添加", delete: "删除", conflict: "他人已修改此记录（当前为第 {{version}} 版），已显示最新内容，请核对后重试。",
  activityKinds: {
    study_visit: "考察访问", business_roundtable: "商务圆桌会议", workshop: "研讨会", webinar: "网络研讨会", staff_exchange: "人员交流",
    training: "培训", conference: "会议", forum: "论坛", other: "其他",
  },
  outputKinds: { mou: "合作备忘录", joint_declaration: "联合声明", report: "报告", pilot_project: "试点项目", other: "其他" },
  organisationKinds: { public: "政府机构", private: "企业", academic: "学术机构", civil_society: "社会组织", residents: "居民" },
  pilotStatuses: { planned: "计划中", in_progress: "进行中", done: "已完成", delayed: "已延期", cancelled: "已取消" },
  decisions: { pending: "待定", awarded: "已获资助", rejected: "未获资助", withdrawn: "已撤回" },
  activities: {
    title: "活动", activity: "活动", none: "尚未记录活动。", add: "记录活动", kind: "类型", titleEn: "标题（英文）", titleZh: "标题（中文）",
    startDate: "开始日期", endDate: "结束日期", place: "地点", organisations: "参与机构", outputs: "成果", noOutputs: "尚未记录成果。",
    addOutput: "添加成果", outputTitle: "成果标题", date: "日期", url: "文件或链接（http/https）", pilot: "试点项目", programmeWide: "项目整体活动",
    timelineAria: "城市合作活动时间线（按日期）", newOrganisation: "新建机构", pickOrganisations: "搜索机构",
    sources: "数据来源", deleteConfirm: "删除此活动及其成果？",
  },
  partners: {
    title: "合作伙伴机构", ppp: "政府-企业-公众合作", none: "尚无合作伙伴机构。", add: "添加合作伙伴", organisation: "机构",
    existing: "已有机构", createNew: "新建机构", nameEn: "名称（英文）", nameZh: "名称（中文）", kind: "类型", country: "国家（ISO 代码，如 CN）",
    sector: "行业", website: "网站", role: "角色", commitment: "承诺", commitmentEn: "承诺（英文）", commitmentZh: "承诺（中文）",
    pilot: "所属试点项目", wholeCooperation: "整个城市合作", mixAria: "合作伙伴机构类型构成：{{summary}}", mix: "合作构成",
    count: "{{count}} 个机构", removeConfirm: "移除此承诺？",
  },
  pilots: {
    title: "试点项目", pilot: "试点项目", none: "尚无试点项目。", add: "添加试点项目", titleEn: "标题（英文）", titleZh: "标题（中文）",
    city: "城市", budget: "预算", currency: "币种", status: "状态", startDate: "开始", endDate: "结束", partners: "合作伙伴", noPartners: "尚无机构承诺参与此试点。",
    kpis: "关键绩效指标", noKpis: "此试点尚未关联关键绩效指标（在行动计划中维护）。", baseline: "基准值", target: "目标值", latest: "最新值",
    funding: "后续资金", noFunding: "尚未申请后续资金。", addFund: "添加资金申请", fund: "资金", submittedOn: "提交日期",
    amountRequested: "申请金额", score: "评分（0–100）", decision: "决定", decidedOn: "决定日期", amountAwarded: "资助金额",
    recordDecision: "记录决定", changeStatus: "状态",
  },
};
