import { useState } from "react";
import { Button, Card, Col, Empty, Pagination, Row, Space, Statistic, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { usePageParam } from "../../components/usePageParam";
import { ErrorState, Loading } from "../../components/States";
import { useLang } from "../../lang";
import { type Programme, programmesApi } from "../../programmes/api";
import { NotReported, periodText, ThemeTags, TwoNames } from "../../programmes/ui";
import { ProgrammeFormModal } from "../../programmes/ProgrammeForm";
import { Can, write } from "../../account/permissions";
import { FreeText } from "../../components/Orig";

function ProgrammeCard({ p }: { p: Programme }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = p.counts ?? { calls: 0, applications: 0, cooperations: 0 };
  return (
    <Card data-testid={`programme-card-${p.id}`} title={<Link to={`/programmes/${encodeURIComponent(p.id)}`} data-testid={`programme-link-${p.id}`}><TwoNames names={p.names} lang={lang} /></Link>}>
      <Space orientation="vertical" size="small" style={{ width: "100%" }}>
        <Typography.Text><strong>{t("programmes.period")}:</strong> {periodText(p.startDate, p.endDate, lang, t)}</Typography.Text>
        <div><strong>{t("programmes.themes")}:</strong> <ThemeTags themes={p.themes} /></div>
        <Typography.Text><strong>{t("programmes.funder")}:</strong> {p.funder ? <FreeText text={p.funder} /> : <NotReported />}</Typography.Text>
        <Row gutter={8} data-testid={`programme-counts-${p.id}`}>
          <Col span={8}><Statistic title={t("programmes.countCalls")} value={c.calls} /></Col>
          <Col span={8}><Statistic title={t("programmes.countApplications")} value={c.applications} /></Col>
          <Col span={8}><Statistic title={t("programmes.countCooperations")} value={c.cooperations} /></Col>
        </Row>
      </Space>
    </Card>
  );
}

const PAGE_SIZE = 12;

/** /programmes — the programmes as cards, a page at a time, and a "New programme" form. */
export default function ProgrammesPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [page, setPage] = usePageParam();
  // A page at a time from the API (the list grows with every programme); the page is in the address.
  const list = useQuery({
    queryKey: ["programmes", "page", page],
    queryFn: ({ signal }) => programmesApi.list(signal, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="programmes-page">
      <Space wrap align="baseline" style={{ justifyContent: "space-between", width: "100%" }}>
        <div>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>{t("programmes.title")}</Typography.Title>
          <Typography.Text type="secondary">{t("programmes.intro")}</Typography.Text>
        </div>
        <Can check={write("POST", "/programmes")} signInHint>
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-programme">{t("programmes.newProgramme")}</Button>
        </Can>
      </Space>
      {list.error ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : !list.data ? <Loading rows={6} /> : list.data.programmes.length === 0 ? (
        <Empty description={t("programmes.empty")} data-testid="programmes-empty" />
      ) : (
        <Row gutter={[16, 16]} data-testid="programme-list">
          {list.data.programmes.map((p) => <Col key={p.id} xs={24} md={12} xl={8}><ProgrammeCard p={p} /></Col>)}
        </Row>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination
          data-testid="programmes-pages"
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          showSizeChanger={false}
          onChange={setPage}
        />
      )}
      <ProgrammeFormModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
