import { useMemo } from "react";
import { Table, Tag, Typography } from "antd";
import type { AuditAction } from "../../account/api";
import { useTranslation } from "react-i18next";
import { useLang } from "../../lang";
import { historyDiff } from "./history-format";
import { LinkedNames } from "./LinkedNames";

function Value({ text }: { text: string | null }) {
  const { t } = useTranslation();
  return text === null ? <Typography.Text type="secondary">{t("common.none")}</Typography.Text> : <span style={{ wordBreak: "break-word" }}>{text}</span>;
}

/**
 * The fields a write changed, before → after, as a small table: labels in the user's language,
 * values formatted (dates and times local, numbers grouped, lists and codes in words).
 */
export function ChangeTable({ entity, before, after, testId }: { entity: string; before: unknown; after: unknown; testId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const rows = useMemo(() => historyDiff(entity, before, after, { lang, t: (k, o) => t(k, o ?? {}), exists: (k) => i18n.exists(k) }), [entity, before, after, lang, t, i18n]);
  if (rows.length === 0) return <Typography.Text type="secondary" data-testid={testId}>{t("account.audit.noChange")}</Typography.Text>;
  return (
    <Table
      size="small"
      data-testid={testId}
      rowKey="field"
      onRow={(r) => ({ "data-testid": `change-${r.field}` }) as React.HTMLAttributes<HTMLElement>}
      pagination={false}
      dataSource={rows}
      columns={[
        { key: "field", title: t("account.audit.field"), width: 200, render: (_: unknown, r) => <span title={r.field} data-label-content={r.field} data-field={r.field}>{r.label}</span> },
        { key: "before", title: t("account.audit.before"), render: (_: unknown, r) => (r.link ? <LinkedNames kind={r.link.kind} ids={r.link.before} /> : <Value text={r.before} />) },
        { key: "after", title: t("account.audit.after"), render: (_: unknown, r) => (r.link ? <LinkedNames kind={r.link.kind} ids={r.link.after} /> : <Value text={r.after} />) },
      ]}
    />
  );
}

const ACTION_COLOURS: Record<AuditAction, string> = { create: "green", update: "blue", delete: "red" };

/** "Created" / "Updated" / "Deleted", coloured and worded (colour is never the only signal). */
export function ActionTag({ action }: { action: AuditAction }) {
  const { t } = useTranslation();
  return <Tag color={ACTION_COLOURS[action]}>{t(`account.audit.actions.${action}`)}</Tag>;
}
