import { Card, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { Source } from "../../api";
import type { AirStation } from "../../air/api";
import { formatNumber, useLang } from "../../lang";
import { formatDay } from "./airFormat";

/** The city's monitoring stations: period covered, days stored, where from. */
export function StationsTable({ stations, sources }: { stations: AirStation[]; sources: Source[] | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card title={t("air.stations.title")} size="small">
      <Table<AirStation>
        size="small"
        rowKey="id"
        data-testid="air-stations"
        pagination={false}
        scroll={{ x: true }}
        dataSource={stations}
        columns={[
          { title: t("air.stations.name"), dataIndex: "name" },
          { title: t("air.stations.id"), dataIndex: "id", render: (id: string) => <code>{id}</code> },
          { title: t("air.stations.period"), key: "period", render: (_, s) => `${formatDay(s.firstDate, lang)} – ${formatDay(s.lastDate, lang)}` },
          { title: t("air.stations.days"), dataIndex: "days", align: "right", render: (n: number) => formatNumber(n, lang) },
          { title: t("air.stations.coordinates"), key: "at", render: (_, s) => (s.lat === null || s.lon === null ? t("air.stations.notLocated") : `${s.lat.toFixed(3)}, ${s.lon.toFixed(3)}`) },
          { title: t("air.stations.format"), dataIndex: "format" },
          { title: t("air.stations.source"), dataIndex: "source", render: (id: string) => sources?.find((s) => s.id === id)?.citation.split(":")[0] ?? id },
        ]}
      />
    </Card>
  );
}
