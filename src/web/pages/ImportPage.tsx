import { useState } from "react";
import { Alert, Button, Card, Col, Radio, Row, Space, Statistic, Table, Typography, Upload } from "antd";
import { InboxOutlined, DownloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { api, uploadFailure, type ImportProblem, type ImportResult, type UploadOutcome } from "../api";
import { CityPicker } from "../components/CityPicker";
import { IndicatorSelect } from "../components/IndicatorSelect";
import { SignInToEdit, useCan, write } from "../account/permissions";
import { problemItemText } from "../problem-text";
import { useIndicators } from "../queries";

// The example row names a city that does not exist, so importing the template unchanged is refused, never stored.
const EXAMPLE = "your-city-slug,air.pm25_annual,2023,31.5,who-aqg-2021,replace this row with your data";
const TEMPLATE = ["city,indicator,period,value,source,note", EXAMPLE].join("\n") + "\n";

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`;

type Outcome = UploadOutcome<ImportResult>;

function ImportSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const may = useCan(write("POST", "/observations/import"));

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: "ok", file: file.name, result: await api.importObservations(file) });
    } catch (e) {
      setOutcome(uploadFailure(file.name, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t("import.uploadTitle")}>
      <Typography.Paragraph data-testid="import-help">{t("import.help")}</Typography.Paragraph>
      <pre className="cb-example" aria-label={t("import.example")}>{"city,indicator,period,value,source,note\nchongqing-cn,air.pm25_annual,2023,31.5,who-aqg-2021,"}</pre>
      <Typography.Paragraph>
        <a href={TEMPLATE_HREF} download="citybridge-observations-template.csv" data-testid="template-link"><DownloadOutlined /> {t("import.template")}</a>
      </Typography.Paragraph>
      {may && !may.allowed && <SignInToEdit testId="import-sign-in" />}
      {may?.allowed && <div data-testid="import-upload">
      <Upload.Dragger
        accept=".csv,text/csv"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => { void upload(file); return false; }}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{busy ? t("import.uploading") : t("import.drop")}</p>
        <p className="ant-upload-hint">{t("import.dropHint")}</p>
      </Upload.Dragger>
      </div>}
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {outcome?.kind === "ok" && (
          <div data-testid="import-result">
            <Alert type="success" showIcon title={t("import.success", { rows: outcome.result.rows })} description={t("import.file", { name: outcome.file })} />
            <Row gutter={16} style={{ marginTop: 12 }}>
              <Col xs={12} sm={6}><Statistic title={t("import.rows")} value={outcome.result.rows} data-testid="import-rows" /></Col>
              <Col xs={12} sm={6}><Statistic title={t("import.inserted")} value={outcome.result.inserted} data-testid="import-inserted" /></Col>
              <Col xs={12} sm={6}><Statistic title={t("import.updated")} value={outcome.result.updated} data-testid="import-updated" /></Col>
              <Col xs={12} sm={6}><Statistic title={t("import.unchanged")} value={outcome.result.unchanged} data-testid="import-unchanged" /></Col>
            </Row>
          </div>
        )}
        {outcome?.kind === "invalid" && (
          <Space orientation="vertical" style={{ width: "100%" }} data-testid="import-failed">
            <Alert type="error" showIcon title={t("import.failed")}
              description={<>{t("import.file", { name: outcome.file })}. {outcome.error.message ? `${outcome.error.message.replace(/[.。]$/, "")}${lang === "zh" ? "。" : ". "}` : ""}{t("import.failedDetail")}</>} />
            <Table<ImportProblem & { key: number }>
              size="small"
              data-testid="import-problems"
              caption={outcome.total > outcome.problems.length
                ? t("import.problemsShown", { shown: outcome.problems.length, total: outcome.total })
                : `${t("import.problems")} (${outcome.total})`}
              pagination={outcome.problems.length > 50 ? { pageSize: 50 } : false}
              dataSource={outcome.problems.map((p, key) => ({ ...p, key }))}
              columns={[
                { title: t("import.row"), dataIndex: "row", width: 80, render: (r?: number) => r ?? "" },
                { title: t("import.column"), key: "column", width: 140, render: (_, p) => p.column ?? p.path ?? "" },
                { title: t("import.value"), dataIndex: "value", width: 180, render: (v?: string | null) => v === undefined || v === null ? "" : <code>{v}</code> },
                { title: t("import.reason"), key: "message", render: (_, p) => problemItemText(p) },
              ]}
            />
          </Space>
        )}
        {outcome?.kind === "error" && (
          <Alert type="error" showIcon data-testid="import-error" title={t("import.failed")} description={`${t("import.file", { name: outcome.file })}: ${outcome.message}`} />
        )}
      </div>
    </Card>
  );
}

function ExportSection() {
  const { t } = useTranslation();
  const indicators = useIndicators();
  const [city, setCity] = useState<string>();
  const [indicator, setIndicator] = useState<string>();
  const [format, setFormat] = useState<"csv" | "json">("csv");
  return (
    <Card title={t("import.exportTitle")}>
      <Typography.Paragraph>{t("import.exportHelp")}</Typography.Paragraph>
      <Space wrap align="center">
        <CityPicker id="export-city" testId="export-city" value={city} onChange={setCity} allowClear placeholder={t("import.allCities")} ariaLabel={t("common.city")} />
        <IndicatorSelect testId="export-indicator" indicators={indicators.data?.items ?? []} value={indicator} onChange={setIndicator} allowClear placeholder={t("import.allIndicators")} width={300} />
        <Radio.Group aria-label={t("import.format")} value={format} onChange={(e) => setFormat(e.target.value as "csv" | "json")}
          options={[{ value: "csv", label: "CSV" }, { value: "json", label: "JSON" }]} optionType="button" />
        <Button type="primary" icon={<DownloadOutlined />} href={api.exportUrl({ city, indicator, format })} download data-testid="export-link">
          {t("import.download")}
        </Button>
      </Space>
    </Card>
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t("import.title")}</Typography.Title>
      <ImportSection />
      <ExportSection />
    </Space>
  );
}
