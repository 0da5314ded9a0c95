import { useMemo } from "react";
import { Button, Result, Space } from "antd";
import { PrinterOutlined, DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ErrorState, isNotFound, Loading } from "../../components/States";
import { useLang } from "../../lang";
import { monitoringApi } from "../../monitoring/api";

/** Styles of the report inside the app, and print rules that leave only the report on paper. */
const REPORT_STYLE = `
.cb-report{background:#fff;padding:24px 32px;max-width:60rem;margin:0 auto;line-height:1.45;color:#1f1f1f}
.cb-report h1{font-size:1.7rem;margin:0 0 .3rem}.cb-report h2{font-size:1.2rem;border-bottom:2px solid #1677ff;padding-bottom:.2rem;margin-top:2rem}
.cb-report table{border-collapse:collapse;width:100%;margin:.5rem 0}.cb-report th,.cb-report td{border:1px solid #d9d9d9;padding:.25rem .4rem;text-align:left;vertical-align:top}
.cb-report th{background:#f5f5f5}.cb-report .muted{color:#595959}.cb-report .status{font-weight:600}.cb-report .on_track{color:#237804}.cb-report .at_risk{color:#ad6800}.cb-report .off_track{color:#a8071a}
.cb-report dl{display:grid;grid-template-columns:12rem 1fr;gap:.2rem 1rem}.cb-report dt{font-weight:600}.cb-report dd{margin:0;white-space:pre-wrap}
@media print{
  .cb-header,.cb-skip,.cb-report-toolbar{display:none!important}
  .cb-main{padding:0!important;margin:0!important}
  body,.ant-layout{background:#fff!important}
  .cb-report{padding:0;max-width:none;font-size:10pt}
  .cb-report section{break-before:page;page-break-before:always}.cb-report section.first{break-before:auto;page-break-before:auto}
  .cb-report thead{display:table-header-group}.cb-report tr{break-inside:avoid;page-break-inside:avoid}
}
@page{size:A4;margin:15mm}`;

/** The body of the server's report document (all user text there is escaped by the server). */
function reportBody(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  doc.querySelectorAll("script,style,link").forEach((n) => n.remove());
  return doc.body.innerHTML;
}

/** /cooperations/:id/report — the print-ready report in the app's language, with print and CSV download. */
export default function ReportPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: ["monitoring", "report", id, lang], queryFn: ({ signal }) => monitoringApi.reportHtml(id, lang, signal) });
  const body = useMemo(() => (q.data ? reportBody(q.data) : ""), [q.data]);
  if (q.isLoading) return <Loading rows={10} />;
  if (isNotFound(q.error)) return <Result status="404" title={t("monitoring.showcase.notFound")} subTitle={id} data-testid="report-not-found" />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div data-testid="report-page">
      <style>{REPORT_STYLE}</style>
      <Space className="cb-report-toolbar" wrap style={{ marginBottom: 16 }}>
        <Link to={`/cooperations/${encodeURIComponent(id)}`} data-testid="report-back">← {t("monitoring.report.back")}</Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="report-print">{t("monitoring.report.print")}</Button>
        <Button icon={<DownloadOutlined />} href={monitoringApi.reportUrl(id, "csv", lang)} download={`${id}-report.csv`} data-testid="report-csv">{t("monitoring.report.csv")}</Button>
      </Space>
      <article className="cb-report" data-testid="report-body" lang={lang === "zh" ? "zh-CN" : "en"} dangerouslySetInnerHTML={{ __html: body }} />
    </div>
  );
}
