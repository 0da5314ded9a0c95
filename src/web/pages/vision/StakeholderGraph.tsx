import { GraphChart } from "echarts/charts";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../../components/EChart";
import { echarts } from "../../echarts";
import type { Partner, Tension } from "../../vision/api";

echarts.use([GraphChart]);

const SECTORS = ["public", "private", "people"] as const;
/** One colour per sector; the sector is also in each node's label and tooltip (never colour alone). */
const COLOURS: Record<(typeof SECTORS)[number], string> = { public: "#1677ff", private: "#d48806", people: "#389e0d" };

/**
 * The stakeholders as a graph: partners as nodes grouped by sector (public, private, people), the
 * tensions between pairs as red dashed edges whose tooltip gives the description.
 */
export function StakeholderGraph({ partners, tensions }: { partners: Partner[]; tensions: Tension[] }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const sectorName = (s: Partner["sector"]) => t(`vision.readiness.sectors.${s}`);
    const label = (p: Partner) => p.name || p.id;
    return {
      tooltip: {
        trigger: "item",
        formatter: (p: { dataType: string; data: { name?: string; sector?: string; interests?: string | null; description?: string; source?: string; target?: string } }) =>
          p.dataType === "edge"
            ? `${t("vision.readiness.tensions")}: ${p.data.description ?? ""}`
            : `${p.data.name ?? ""} · ${p.data.sector ?? ""}${p.data.interests ? `<br/>${t("vision.readiness.interests")}: ${p.data.interests}` : ""}`,
      },
      legend: { data: SECTORS.map(sectorName), bottom: 0 },
      series: [{
        type: "graph",
        layout: "circular",
        circular: { rotateLabel: false },
        roam: false,
        label: { show: true, position: "right", formatter: "{b}" },
        categories: SECTORS.map((s) => ({ name: sectorName(s), itemStyle: { color: COLOURS[s] } })),
        data: partners.map((p) => ({ id: p.id, name: `${label(p)} (${sectorName(p.sector)})`, sector: sectorName(p.sector), interests: p.interests, category: SECTORS.indexOf(p.sector), symbolSize: 22 })),
        links: tensions
          .filter((x) => partners.some((p) => p.id === x.between[0]) && partners.some((p) => p.id === x.between[1]))
          .map((x) => ({ source: x.between[0], target: x.between[1], description: x.description, lineStyle: { color: "#cf1322", type: "dashed", width: 2, curveness: 0.1 } })),
      }],
    };
  }, [partners, tensions, t]);
  if (partners.length === 0) return null;
  return <EChart option={option} height={300} testId="stakeholder-graph" ariaLabel={t("vision.readiness.graphAria", { partners: partners.length, tensions: tensions.length })} />;
}
