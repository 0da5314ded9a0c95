import { Table, Tag, Typography } from "antd";
import type { AuditAction } from "../../account/api";
import { useTranslation } from "react-i18next";
import { changedFields, displayValue } from "./changes";

function Value({ v }: { v: unknown }) {
  const { t } = useTranslation();
  const text = displayValue(v);
  return text === null ? <Typography.Text type="secondary">{t("common.none")}</Typography.Text> : <span style={{ wordBreak: "break-word" }}>{text}</span>;
}

/** The fields a write changed, before → after, as a small table. */
export function ChangeTable({ before, after, testId }: { before: unknown; after: unknown; testId?: string }) {
  const { t } = useTranslation();
  const rows = changedFields(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary" data-testid={testId}>{t("account.audit.noChange")}</Typography.Text>;
  return (
    <Table
      size="small"
      data-testid={testId}
      rowKey="field"
      pagination={false}
      dataSource={rows}
      columns={[
        { key: "field", title: t("account.audit.field"), dataIndex: "field", width: 200, render: (f: string) => <code>{f}</code> },
        { key: "before", title: t("account.audit.before"), render: (_: unknown, r) => <Value v={r.before} /> },
        { key: "after", title: t("account.audit.after"), render: (_: unknown, r) => <Value v={r.after} /> },
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
