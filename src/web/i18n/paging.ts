/** Labels of the paged lists (issue 18 item 8): page ranges, the page navigation, the cooperation table's columns; English and 简体中文. */
export const pagingEn = {
  range: "{{from}}–{{to}} of {{total}}",
  pagesOf: "Pages of {{list}}",
  cooperations: {
    name: "Cooperation",
    status: "Status",
    members: "Member cities",
    themes: "Themes",
  },
};

export const pagingZh: typeof pagingEn = {
  range: "第 {{from}}–{{to}} 项，共 {{total}} 项",
  pagesOf: "{{list}}的分页",
  cooperations: {
    name: "城市合作",
    status: "状态",
    members: "成员城市",
    themes: "主题",
  },
};
