/** Labels of the phone layout (issue 18 item 1): the menu button and drawer, the search toggle; English and 简体中文. */
export const phoneEn = {
  openMenu: "Open the main menu",
  menuTitle: "Main menu",
  openSearch: "Search cities",
  closeSearch: "Close the city search",
};

export const phoneZh: typeof phoneEn = {
  openMenu: "打开主菜单",
  menuTitle: "主菜单",
  openSearch: "搜索城市",
  closeSearch: "关闭城市搜索",
};
