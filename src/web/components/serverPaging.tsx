import type { TablePaginationConfig } from "antd";
import type { TFunction } from "i18next";

/**
 * The pagination of an antd Table paged by the server: the page from the address
 * (usePageParam), no size changer, hidden on a single page, the range said in words
 * ("1–10 of 23" / "第 1–10 项，共 23 项", with `rangeTestId`) and the pager named after its list.
 */
export function serverPaging(t: TFunction, o: { page: number; pageSize: number; total: number; setPage: (page: number) => void; rangeTestId: string; list: string }): TablePaginationConfig {
  return {
    current: o.page,
    pageSize: o.pageSize,
    total: o.total,
    showSizeChanger: false,
    hideOnSinglePage: true,
    showTotal: (total, [from, to]) => <span data-testid={o.rangeTestId}>{t("paging.range", { from, to, total })}</span>,
    onChange: (p) => o.setPage(p),
    "aria-label": t("paging.pagesOf", { list: o.list }),
  };
}
