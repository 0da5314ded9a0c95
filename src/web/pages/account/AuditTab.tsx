import { useState, type HTMLAttributes } from "react";
import { AutoComplete, Button, Form, Input, Space, Table, Typography } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { accountApi, type AuditEntry } from "../../account/api";
import { ErrorState, Loading } from "../../components/States";
import { formatDateTime, useLang } from "../../lang";
import { ActionTag, ChangeTable } from "./ChangeTable";
import { usePageParam } from "../../components/usePageParam";
import { serverPaging } from "../../components/serverPaging";

const PAGE = 50;
/** Record types the audit trail names (src/api/write-policy.ts); any other can be typed. */
const ENTITIES = ["user", "user-roles", "inventory", "target", "climate-action", "emission-factor", "practice", "observations-import", "air-import", "practices-import", "cooperation"];

/**
 * Administration › Audit trail: newest first, filter by record type and actor, numbered pages read in
 * the database (the page in the address), expand for the changed fields. An old link with
 * `?after=N` (a cursor) still lists the entries after #N, in their order (oldest first from there).
 */
export function AuditTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const entity = params.get("entity") ?? "";
  const actor = params.get("actor") ?? "";
  const afterRaw = Number(params.get("after") ?? "0");
  const after = Number.isInteger(afterRaw) && afterRaw > 0 ? afterRaw : 0;
  const [page, setPage] = usePageParam();
  const [draft, setDraft] = useState({ entity, actor });
  const order = after ? "asc" : "desc";
  const audit = useQuery({
    queryKey: ["admin", "audit", entity, actor, after, order, page],
    queryFn: ({ signal }) => accountApi.audit({ entity: entity || undefined, actor: actor || undefined, after: after || undefined, order, offset: (page - 1) * PAGE, limit: PAGE }, signal),
    placeholderData: keepPreviousData,
  });
  const go = (patch: Record<string, string | number | undefined>, push = false) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(patch)) if (v === undefined || v === "" || v === 0) next.delete(k); else next.set(k, String(v));
      return next;
    }, { replace: !push });
  const entries = audit.data?.entries ?? [];
  const suggestions = [...new Set([...ENTITIES, ...entries.map((e) => e.entity)])].filter((e) => e.includes(draft.entity.trim()));

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="audit-tab">
      <Typography.Text type="secondary">{t("account.audit.intro")}</Typography.Text>
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Form layout="inline" onFinish={() => go({ entity: draft.entity.trim(), actor: draft.actor.trim(), after: undefined, page: undefined })} data-testid="audit-filters">
          <Form.Item label={t("account.audit.filterEntity")} htmlFor="audit-entity">
            <AutoComplete id="audit-entity" value={draft.entity} onChange={(v: string) => setDraft((d) => ({ ...d, entity: v }))} style={{ width: 200 }}
              options={suggestions.map((e) => ({ value: e }))} data-testid="audit-entity" />
          </Form.Item>
          <Form.Item label={t("account.audit.filterActor")} htmlFor="audit-actor">
            <Input id="audit-actor" value={draft.actor} onChange={(e) => setDraft((d) => ({ ...d, actor: e.target.value }))} style={{ width: 240 }} data-testid="audit-actor" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="audit-apply">{t("account.audit.apply")}</Button>
          <Button style={{ marginLeft: 8 }} onClick={() => { setDraft({ entity: "", actor: "" }); go({ entity: undefined, actor: undefined, after: undefined, page: undefined }); }}>{t("account.audit.reset")}</Button>
        </Form>
        <a href={accountApi.auditCsvUrl()} download data-testid="audit-export">{t("account.audit.exportCsv")}</a>
      </Space>
      {audit.isLoading ? <Loading rows={6} /> : audit.error ? <ErrorState error={audit.error} onRetry={() => void audit.refetch()} /> : (
        <>
          {after > 0 && <Typography.Text type="secondary">{t("account.audit.page", { after })}</Typography.Text>}
          <Table<AuditEntry>
            size="small"
            rowKey="seq"
            data-testid="audit-table"
            dataSource={entries}
            loading={audit.isFetching && audit.isPlaceholderData}
            scroll={{ x: "max-content" }}
            pagination={serverPaging(t, { page, pageSize: PAGE, total: audit.data?.total ?? 0, setPage, rangeTestId: "audit-range", list: t("account.adminPage.tabs.audit") })}
            locale={{ emptyText: <span data-testid="audit-empty">{t("account.audit.empty")}</span> }}
            onRow={(e) => ({ "data-testid": `audit-row-${e.seq}` }) as HTMLAttributes<HTMLElement>}
            expandable={{
              expandedRowRender: (e) => <ChangeTable entity={e.entity} before={e.before} after={e.after} testId={`audit-changes-${e.seq}`} />,
              expandRowByClick: false,
            }}
            columns={[
              { key: "seq", title: t("account.audit.seq"), dataIndex: "seq", width: 70 },
              { key: "at", title: t("account.audit.at"), render: (_, e) => formatDateTime(e.at, lang) },
              { key: "actor", title: t("account.audit.actor"), dataIndex: "actor" },
              { key: "action", title: t("account.audit.action"), render: (_, e) => <ActionTag action={e.action} /> },
              { key: "entity", title: t("account.audit.entity"), dataIndex: "entity", render: (v: string) => <code>{v}</code> },
              { key: "entityId", title: t("account.audit.entityId"), dataIndex: "entityId", render: (v: string) => <span style={{ wordBreak: "break-all" }}>{v}</span> },
            ]}
          />
        </>
      )}
    </Space>
  );
}
