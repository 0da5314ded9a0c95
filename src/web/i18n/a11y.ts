/**
 * Names of icon-only controls for screen readers and tooltips (aria-label, title), English and
 * 简体中文: antd's icons otherwise give their English icon name ("search", "eye-invisible").
 */
export const a11yEn = {
  showPassword: "Show password",
  hidePassword: "Hide password",
  search: "Search",
};

export const a11yZh: typeof a11yEn = {
  showPassword: "显示密码",
  hidePassword: "隐藏密码",
  search: "搜索",
};
