import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { cityName } from "../../api";
import { EChart } from "../../components/EChart";
import type { Cooperation } from "../../cooperations/api";
import { countryNames } from "../../countries";
import { loadWorldMap, type EChartsOption } from "../../echarts";
import { useLang } from "../../lang";

/** The member cities on a small world map, framed around them (the members table beside it is the text alternative). */
export default function MembersMap({ cooperation: c }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const world = useQuery({ queryKey: ["world-map"], queryFn: async () => { await loadWorldMap(); return true; }, staleTime: Infinity });
  const option = useMemo<EChartsOption>(() => {
    const lons = c.members.map((m) => m.lon);
    const lats = c.members.map((m) => m.lat);
    const pad = 8;
    return {
      tooltip: { trigger: "item", formatter: (p: unknown) => (p as { name?: string }).name ?? "" },
      geo: {
        map: "world",
        roam: true,
        nameProperty: "iso_a2",
        nameMap: countryNames(lang),
        boundingCoords: [[Math.min(...lons) - pad, Math.max(...lats) + pad], [Math.max(...lons) + pad, Math.min(...lats) - pad]],
        silent: true,
        itemStyle: { areaColor: "#e9eef3", borderColor: "#b9c5d1" },
      },
      series: [{
        type: "scatter",
        coordinateSystem: "geo",
        symbolSize: 11,
        label: { show: true, position: "right", formatter: "{b}", fontSize: 12 },
        itemStyle: { color: "#1677ff", borderColor: "#fff", borderWidth: 1 },
        data: c.members.map((m) => ({ name: `${cityName(m.names, lang)} (${t(`cooperations.roles.${m.role}`)})`, value: [m.lon, m.lat], slug: m.slug })),
      }],
    };
  }, [c.members, lang, t]);
  if (!world.data || c.members.length === 0) return null;
  return (
    <EChart
      option={option}
      height={260}
      testId="cooperation-map"
      ariaLabel={`${t("cooperations.members")}: ${c.members.map((m) => cityName(m.names, lang)).join(", ")}`}
      onItemClick={(d) => { const slug = (d as { slug?: string } | undefined)?.slug; if (slug) navigate(`/cities/${slug}`); }}
    />
  );
}
