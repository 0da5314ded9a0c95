import type { HTMLAttributes } from "react";
import { Empty, Space, Table, Tag, Typography } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { ErrorState, Loading } from "../../components/States";
import { type Cooperation, cooperationsApi } from "../../cooperations/api";
import { useLang } from "../../lang";
import CityImpactSection from "../monitoring/CityImpactSection";
import { StatusTag } from "./StatusTag";
import { CityName } from "../../components/Orig";
import { usePageParam } from "../../components/usePageParam";
import { serverPaging } from "../../components/serverPaging";

const PAGE_SIZE = 10;

/**
 * The city page's "Cooperations" tab: each cooperation with its status, the city's role and the
 * partner cities, a page of 10 at a time from the API (the page in the address as `?cpage=`); below,
 * for each cooperation of the page, whether it moved the city's numbers (synthetic control).
 */
export default function CityCooperationsTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [page, setPage] = usePageParam("cpage");
  const q = useQuery({
    queryKey: ["cooperations", { city: slug }, page],
    queryFn: ({ signal }) => cooperationsApi.list({ city: slug }, signal, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const rows = q.data.cooperations;
  if (q.data.total === 0) return <Empty description={t("cooperations.cityEmpty")} data-testid="city-cooperations-empty" />;
  const name = (c: Cooperation) => (lang === "zh" ? c.names.zh ?? c.names.en : c.names.en);
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <div data-testid="city-cooperations-paged">
        <Table<Cooperation>
          size="small"
          rowKey="id"
          data-testid="city-cooperations"
          dataSource={rows}
          loading={q.isFetching && q.isPlaceholderData}
          scroll={{ x: "max-content" }}
          onRow={(c) => ({ "data-testid": `city-cooperation-${c.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={serverPaging(t, { page, pageSize: PAGE_SIZE, total: q.data.total, setPage, rangeTestId: "city-cooperations-range", list: t("cooperations.cityTab") })}
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
      </div>
      <CityImpactSection slug={slug} cooperations={rows} />
    </Space>
  );
}
