import { useState } from "react";
import { Alert, Card, Space, Table, Typography, Upload } from "antd";
import { InboxOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { uploadFailure, type ImportProblem, type UploadOutcome } from "../../api";
import { path, SignInToEdit, useCan, write } from "../../account/permissions";
import { airApi, type AirImportResult } from "../../air/api";
import { problemItemText } from "../../problem-text";

type Outcome = UploadOutcome<AirImportResult>;

/** Upload of an hourly file for this city, with the result or every problem the server found. */
export function AirUpload({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const may = useCan(write("POST", path("cities", slug, "air", "import")));
  const upload = async (file: File) => {
    setBusy(file.name);
    setOutcome(null);
    try {
      const result = await airApi.upload(slug, file);
      setOutcome({ kind: "ok", file: file.name, result });
      await Promise.all([["air", slug], ["air-daily", slug], ["observations", slug]].map((queryKey) => client.invalidateQueries({ queryKey })));
    } catch (e) {
      setOutcome(uploadFailure(file.name, e));
    } finally {
      setBusy(null);
    }
  };
  if (!may?.allowed) return may?.needs === "sign-in" ? <SignInToEdit testId="air-upload-sign-in" /> : null;
  return (
    <Card title={t("air.upload.title")} size="small" data-testid="air-upload">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}><Trans i18nKey="air.upload.help" components={{ code: <code /> }} /></Typography.Paragraph>
      <Upload.Dragger accept=".csv,text/csv" multiple={false} showUploadList={false} disabled={busy !== null} beforeUpload={(file) => { void upload(file); return false; }}>
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{busy ? t("air.upload.working", { file: busy }) : t("air.upload.drop")}</p>
      </Upload.Dragger>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        {outcome?.kind === "ok" && (
          <Alert
            type="success"
            showIcon
            data-testid="air-upload-ok"
            title={t("air.upload.ok", { file: outcome.file, rows: outcome.result.rows, days: outcome.result.stationDays, years: outcome.result.years.join(", ") })}
            description={outcome.result.observations.length > 0
              ? t("air.upload.okObservations", { list: outcome.result.observations.map((o) => `${o.indicator} ${o.period}: ${o.value}`).join("; ") })
              : t("air.upload.okNoObservations")}
          />
        )}
        {outcome?.kind === "invalid" && (
          <Space orientation="vertical" style={{ width: "100%" }} data-testid="air-upload-rejected">
            <Alert type="error" showIcon title={t("air.upload.rejected", { file: outcome.file })} description={outcome.error.message} />
            <Table<ImportProblem & { key: number }>
              size="small"
              data-testid="air-upload-problems"
              caption={t("air.upload.problems", { count: outcome.total })}
              pagination={outcome.problems.length > 20 ? { pageSize: 20 } : false}
              dataSource={outcome.problems.map((p, key) => ({ ...p, key }))}
              columns={[
                { title: t("air.upload.row"), dataIndex: "row", width: 70, render: (r?: number) => r ?? "" },
                { title: t("air.upload.column"), key: "column", width: 120, render: (_, p) => p.column ?? p.path ?? "" },
                { title: t("air.upload.value"), dataIndex: "value", width: 160, render: (v?: string | null) => (v === undefined || v === null ? "" : <code>{v}</code>) },
                { title: t("air.upload.reason"), key: "message", render: (_: unknown, p: ImportProblem) => problemItemText(p) },
              ]}
            />
          </Space>
        )}
        {outcome?.kind === "error" && <Alert type="error" showIcon data-testid="air-upload-error" title={t("air.upload.rejected", { file: outcome.file })} description={outcome.message} />}
      </div>
    </Card>
  );
}
