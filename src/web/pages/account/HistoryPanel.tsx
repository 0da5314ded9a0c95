import { Card, Empty, Pagination, Space, Typography } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ApiError } from "../../api";
import { accountApi, signInUrl, useMe } from "../../account/api";
import { ErrorState, Loading } from "../../components/States";
import { LOCALE_TAG, useLang } from "../../lang";
import type { Lang } from "../../api";
import { ActionTag, ChangeTable } from "./ChangeTable";
import { usePageParam } from "../../components/usePageParam";

const PAGE_SIZE = 20;

/** When a write happened, in the reader's own time zone, which is named ("6 Dec 2026, 15:09 CST"). */
export function localWhen(iso: string, lang: Lang, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE_TAG[lang], {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short", ...(timeZone ? { timeZone } : {}),
  }).format(d);
}

/**
 * The history of one record from the audit trail, newest first, a page at a time from the server
 * (the page in the address as `?hpage=`): who, when, what, and the fields that changed
 * (before → after). `entity` is the audit trail's record type ("inventory", "target", "cooperation"…).
 */
export default function HistoryPanel({ entity, id, title, pageKey = "hpage" }: { entity: string; id: string; title?: string; pageKey?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const [page, setPage] = usePageParam(pageKey);
  // Signed out, the history is refused: do not ask for it.
  const history = useQuery({
    queryKey: ["history", entity, id, page],
    queryFn: ({ signal }) => accountApi.history(entity, id, signal, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, order: "desc" }),
    enabled: !!me.data,
    placeholderData: keepPreviousData,
  });
  const body = (() => {
    if (me.isLoading || history.isLoading) return <Loading rows={3} />;
    if ((me.isSuccess && !me.data) || (history.error instanceof ApiError && history.error.status === 401)) {
      return (
        <Typography.Text data-testid="history-sign-in">
          {t("account.history.signIn")} <Link to={signInUrl()}>{t("account.history.signInLink")}</Link>
        </Typography.Text>
      );
    }
    if (history.error instanceof ApiError && history.error.status === 403) return <Typography.Text type="secondary" data-testid="history-forbidden">{t("account.history.forbidden")}</Typography.Text>;
    if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
    const entries = history.data?.entries ?? [];
    const total = history.data?.total ?? 0;
    if (total === 0) return <Empty description={t("account.history.empty")} data-testid="history-empty" />;
    return (
      <>
        <ol className="cb-history" style={{ listStyle: "none", margin: 0, padding: 0 }} data-testid="history-list">
          {entries.map((e) => (
            <li key={e.seq} style={{ borderLeft: "3px solid #d9d9d9", padding: "4px 0 12px 12px" }} data-testid={`history-entry-${e.seq}`}>
              <Space wrap size={8}>
                <ActionTag action={e.action} />
                <Typography.Text strong data-testid="history-who">{e.actor}</Typography.Text>
                <Typography.Text type="secondary"><time dateTime={e.at} data-testid="history-when">{localWhen(e.at, lang)}</time></Typography.Text>
              </Space>
              <div style={{ marginTop: 6 }}><ChangeTable entity={entity} before={e.before} after={e.after} testId={`history-changes-${e.seq}`} /></div>
            </li>
          ))}
        </ol>
        {total > PAGE_SIZE && (
          <Pagination
            size="small"
            data-testid="history-pages"
            current={page}
            pageSize={PAGE_SIZE}
            total={total}
            showSizeChanger={false}
            showTotal={(n, [from, to]) => <span data-testid="history-range">{t("paging.range", { from, to, total: n })}</span>}
            onChange={(p) => setPage(p)}
            aria-label={t("paging.pagesOf", { list: title ?? t("account.history.title") })}
          />
        )}
      </>
    );
  })();
  return <Card size="small" title={title ?? t("account.history.title")} data-testid="history-panel">{body}</Card>;
}
