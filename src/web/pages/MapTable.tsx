/**
 * The home map's values as a table (behind its "Show as table" toggle): loaded when first opened,
 * so the map's first paint does not wait for antd's Table and Pagination (issue 18.8).
 */
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { CityPoint, Indicator, LatestValue, Source } from "../api";
import { CityName, Orig } from "../components/Orig";
import { formatNumber, formatPeriod, useLang } from "../lang";
import { unitName } from "../units";

export interface MapRow extends LatestValue { point: CityPoint }

export default function MapTable({ indicator, rows, sources }: { indicator: Indicator; rows: MapRow[]; sources: Source[] | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table<MapRow>
      size="small"
      rowKey="city"
      data-testid="map-table"
      dataSource={[...rows].sort((a, b) => b.value - a.value)}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      columns={[
        { title: t("common.city"), key: "city", render: (_, r) => <Link to={`/cities/${r.city}`}><CityName names={r.point.names} /></Link> },
        { title: `${t("common.value")} (${unitName(indicator.unit, lang)})`, dataIndex: "value", align: "right", render: (v: number) => formatNumber(v, lang), sorter: (a, b) => a.value - b.value },
        { title: t("common.period"), dataIndex: "period", render: (p: string) => formatPeriod(p, lang) },
        { title: t("common.source"), dataIndex: "source", render: (s: string) => <Orig>{sources?.find((x) => x.id === s)?.citation ?? s}</Orig> },
      ]}
    />
  );
}
