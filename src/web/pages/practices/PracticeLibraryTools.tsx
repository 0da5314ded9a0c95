import { useState } from "react";
import { Alert, Button, Card, Space, Table, Typography, Upload } from "antd";
import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { uploadFailure, type ImportProblem, type UploadOutcome } from "../../api";
import { problemItemText } from "../../problem-text";
import { Can, path, useCan, write } from "../../account/permissions";
import type { Practice } from "../../practices-api";
import { formatOf, practiceEditing, type PracticeImportResult } from "../../practices/editing";
import { PracticeForm } from "./PracticeForm";

type Outcome = UploadOutcome<PracticeImportResult>;

/** Every problem of a refused import: row, field, value and reason. */
function ImportProblems({ outcome }: { outcome: Extract<Outcome, { kind: "invalid" }> }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="practice-import-failed">
      <Alert type="error" showIcon title={t("practiceEditing.importFailed", { file: outcome.file })}
        description={<>{`${outcome.error.message} `}{t("practiceEditing.importFailedDetail")}</>} />
      <Table<ImportProblem & { key: number }>
        size="small"
        data-testid="practice-import-problems"
        scroll={{ x: true }}
        caption={outcome.total > outcome.problems.length ? t("practiceEditing.problemsShown", { shown: outcome.problems.length, total: outcome.total }) : t("practiceEditing.problems", { count: outcome.total })}
        pagination={outcome.problems.length > 50 ? { pageSize: 50 } : false}
        dataSource={outcome.problems.map((p, key) => ({ ...p, key }))}
        columns={[
          { title: t("practiceEditing.row"), dataIndex: "row", width: 70, render: (r?: number) => r ?? "" },
          { title: t("practiceEditing.field"), key: "field", width: 180, render: (_, p) => p.column ?? p.path ?? "" },
          { title: t("practiceEditing.value_"), dataIndex: "value", width: 180, render: (v?: string | null) => (v === undefined || v === null ? "" : <code>{v}</code>) },
          { title: t("practiceEditing.reason"), key: "message", render: (_: unknown, p: ImportProblem) => problemItemText(p) },
        ]}
      />
    </Space>
  );
}

/** Import a JSON or CSV file of practices, all or nothing, with the full problem report. */
function ImportPractices() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await practiceEditing.importFile(file, formatOf(file));
      setOutcome({ kind: "ok", file: file.name, result });
      void client.invalidateQueries({ queryKey: ["practices"] });
      void client.invalidateQueries({ queryKey: ["practice"] });
    } catch (e) {
      setOutcome(uploadFailure(file.name, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="practice-import">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t("practiceEditing.importHelp")}</Typography.Paragraph>
      <Upload accept=".json,.csv,application/json,text/csv" multiple={false} showUploadList={false} disabled={busy}
        beforeUpload={(file) => { void upload(file); return false; }}>
        <Button icon={<UploadOutlined />} loading={busy} data-testid="practice-import-button">{busy ? t("practiceEditing.importing") : t("practiceEditing.choose")}</Button>
      </Upload>
      <div aria-live="polite" style={{ marginTop: 8 }}>
        {outcome?.kind === "ok" && (
          <Alert type="success" showIcon data-testid="practice-import-result"
            title={t("practiceEditing.imported", { file: outcome.file, practices: outcome.result.practices, created: outcome.result.created, updated: outcome.result.updated })} />
        )}
        {outcome?.kind === "invalid" && <ImportProblems outcome={outcome} />}
        {outcome?.kind === "error" && <Alert type="error" showIcon data-testid="practice-import-error" title={t("practiceEditing.importFailed", { file: outcome.file })} description={outcome.message} />}
      </div>
    </div>
  );
}

/**
 * The library's editor tools above the search: "New practice" and the import for those the
 * server lets write practices ("Sign in to edit" for a signed-out visitor, nothing for others);
 * the export (a public read) for everyone.
 */
export function PracticeLibraryTools() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const mayCreate = useCan(write("POST", "/practices"));
  const mayImport = useCan(write("POST", "/practices/import"));
  const editor = !!(mayCreate?.allowed || mayImport?.allowed);
  const exportLinks = (
    <Space wrap data-testid="practice-export">
      <Typography.Text type="secondary">{t("practiceEditing.export")}:</Typography.Text>
      <Button size="small" icon={<DownloadOutlined />} href={practiceEditing.exportUrl("json")} download="practices.json" data-testid="practice-export-json">{t("practiceEditing.exportJson")}</Button>
      <Button size="small" icon={<DownloadOutlined />} href={practiceEditing.exportUrl("csv")} download="practices.csv" data-testid="practice-export-csv">{t("practiceEditing.exportCsv")}</Button>
    </Space>
  );
  if (!editor) {
    return (
      <Space wrap size="large">
        <Can check={write("POST", "/practices")} signInHint>{null}</Can>
        {exportLinks}
      </Space>
    );
  }
  return (
    <Card size="small" title={t("practiceEditing.tools")} data-testid="practice-tools"
      extra={mayCreate?.allowed && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="practice-new">{t("practiceEditing.new")}</Button>}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        {mayImport?.allowed && <ImportPractices />}
        {exportLinks}
      </Space>
      {creating && <PracticeForm open onClose={() => setCreating(false)} />}
    </Card>
  );
}

/** "Edit" on a practice page, for those the server lets replace it. */
export function EditPracticeButton({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Can check={write("PUT", path("practices", practice.id))} signInHint>
      <Button onClick={() => setEditing(true)} data-testid="practice-edit">{t("practiceEditing.editShort")}</Button>
      {/* Keyed by id, not by version: "Load their version" puts the newer practice in the query cache
          and resets the form itself; a key on updatedAt remounted the form there, wiping what the
          user typed next and losing a click on Save made during the remount. */}
      {editing && <PracticeForm key={practice.id} practice={practice} open onClose={() => setEditing(false)} />}
    </Can>
  );
}
