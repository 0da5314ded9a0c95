import { Empty, Space, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { ErrorState, Loading } from "../../components/States";
import { type Cooperation, cooperationsApi } from "../../cooperations/api";
import { useLang } from "../../lang";
import CityImpactSection from "../monitoring/CityImpactSection";
import { StatusTag } from "./StatusTag";
import { CityName } from "../../components/Orig";

/**
 * The city page's "Cooperations" tab: each cooperation with its status, the city's role and the
 * partner cities; below, for each, whether it moved the city's numbers (synthetic control).
 */
export default function CityCooperationsTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: ["cooperations", { city: slug }], queryFn: ({ signal }) => cooperationsApi.list({ city: slug }, signal) });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const rows = q.data.cooperations;
  if (rows.length === 0) return <Empty description={t("cooperations.cityEmpty")} data-testid="city-cooperations-empty" />;
  const name = (c: Cooperation) => (lang === "zh" ? c.names.zh ?? c.names.en : c.names.en);
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Table<Cooperation>
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="city-cooperations"
        dataSource={rows}
        columns={[
          { title: t("cooperations.name"), key: "name", render: (_, c) => <Link to={`/cooperations/${c.id}`}>{name(c)}</Link> },
          { title: t("cooperations.status"), key: "status", render: (_, c) => <StatusTag status={c.status} /> },
          {
            title: t("cooperations.role"),
            key: "role",
            render: (_, c) => {
              const m = c.members.find((x) => x.slug === slug);
              return m ? t(`cooperations.roles.${m.role}`) : "—";
            },
          },
          {
            title: t("cooperations.partners"),
            key: "partners",
            render: (_, c) => c.members.filter((m) => m.slug !== slug).map((m) => <Tag key={m.slug}><Link to={`/cities/${m.slug}`}><CityName names={m.names} /></Link></Tag>),
          },
          {
            title: t("cooperations.period"),
            key: "period",
            render: (_, c) => c.startDate ?? <Typography.Text type="secondary">{t("common.notYetReported")}</Typography.Text>,
          },
        ]}
      />
      <CityImpactSection slug={slug} cooperations={rows} />
    </Space>
  );
}
