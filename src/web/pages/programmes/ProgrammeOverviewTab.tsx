import { useState } from "react";
import { Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { SourceList } from "../../components/SourceList";
import { ErrorState, Loading } from "../../components/States";
import { countryName } from "../../countries";
import { useLang } from "../../lang";
import { useProgramme } from "../../programmes/useProgramme";
import { BiText, NotReported, periodText, rulesInWords, ThemeTags, TwoNames } from "../../programmes/ui";
import { ProgrammeFormModal } from "../../programmes/ProgrammeForm";
import { Can, path, write } from "../../account/permissions";
import { FreeText } from "../../components/Orig";

/** Overview of a programme: description, period, sides with their countries, funder, eligibility rules in words, sources. */
export default function ProgrammeOverviewTab({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  const q = useProgramme(programmeId);
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading rows={6} />;
  const p = q.data;
  const rules = [...(p.sides.some((s) => s.countries.length > 0) ? [t("programmes.rules.country")] : []), ...rulesInWords(p.eligibility, [], lang, t)];
  const c = p.counts ?? { calls: 0, applications: 0, cooperations: 0 };
  return (
    <Row gutter={[16, 16]} data-testid="programme-overview">
      <Col xs={24} lg={14}>
        <Card title={t("programmes.description")} extra={<Can check={write("PATCH", path("programmes", programmeId))} signInHint><Button onClick={() => setEditing(true)} data-testid="programme-edit">{t("programmes.form.edit")}</Button></Can>}>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}><BiText value={p.descriptions} testId="programme-description" /></Typography.Paragraph>
          <Descriptions column={1} size="small" bordered items={[
            { key: "period", label: t("programmes.period"), children: <span data-testid="programme-period">{periodText(p.startDate, p.endDate, lang, t)}</span> },
            { key: "themes", label: t("programmes.themes"), children: <ThemeTags themes={p.themes} /> },
            { key: "funder", label: t("programmes.funder"), children: p.funder ? <FreeText text={p.funder} /> : <NotReported testId="programme-funder-empty" /> },
            { key: "counts", label: `${t("programmes.countCalls")} · ${t("programmes.countApplications")} · ${t("programmes.countCooperations")}`, children: <span data-testid="programme-counts">{t("programmes.counts", { ...c })}</span> },
          ]} />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Card title={t("programmes.sides")} data-testid="programme-sides">
            {p.sides.length === 0 ? <NotReported /> : p.sides.map((s) => (
              <div key={s.key} style={{ marginBottom: 8 }} data-testid={`programme-side-${s.key}`}>
                <Typography.Text strong><TwoNames names={s.names} lang={lang} /></Typography.Text>
                <div>{s.countries.length === 0 ? <NotReported /> : s.countries.map((cc) => <Tag key={cc}>{countryName(cc, lang)} ({cc})</Tag>)}</div>
              </div>
            ))}
          </Card>
          <Card title={t("programmes.eligibility")} data-testid="programme-eligibility">
            {rules.length === 0 ? <Typography.Text type="secondary">{t("programmes.noRules")}</Typography.Text> : <ul style={{ margin: 0, paddingLeft: 20 }}>{rules.map((r) => <li key={r}>{r}</li>)}</ul>}
          </Card>
          <SourceList ids={p.sourceIds} sources={p.sources} testId="programme-sources" />
        </Space>
      </Col>
      <ProgrammeFormModal open={editing} onClose={() => setEditing(false)} programme={p} />
    </Row>
  );
}
