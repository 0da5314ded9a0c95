import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../../components/EChart";
import { PARTICIPANT_GROUPS, type VisionResults } from "../../vision/api";

const SYMBOLS = ["circle", "rect", "triangle", "diamond", "pin"] as const;
export const GROUP_COLOURS = ["#1677ff", "#fa8c16", "#52c41a", "#eb2f96", "#722ed1"];
export const groupLetter = (g: number) => String.fromCharCode(65 + g);

/** The opinion map: participants by their first two principal components, colour = opinion group, symbol = participant group. */
export function OpinionMap({ r }: { r: VisionResults }) {
  const { t } = useTranslation();
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const option = useMemo(() => ({
    tooltip: { trigger: "item", formatter: (p: { data: { name: string; group: string; pg: string; votes: number } }) => `${p.data.name}<br/>${p.data.group} · ${p.data.pg} · ${t("vision.results.votes", { n: p.data.votes })}` },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 48 },
    xAxis: { type: "value", name: t("vision.results.axis", { n: 1 }), nameLocation: "middle", nameGap: 28, scale: true },
    yAxis: { type: "value", name: t("vision.results.axis", { n: 2 }), nameLocation: "middle", nameGap: 36, scale: true },
    series: r.groups.map((g) => ({
      type: "scatter",
      name: t("vision.results.group", { g: groupLetter(g.id) }),
      itemStyle: { color: GROUP_COLOURS[g.id % GROUP_COLOURS.length] },
      symbolSize: 14,
      data: r.map.filter((m) => m.group === g.id).map((m) => ({
        value: [Number(m.x.toFixed(3)), Number(m.y.toFixed(3))],
        name: m.name,
        group: t("vision.results.group", { g: groupLetter(g.id) }),
        pg: t(`vision.groups.${m.participantGroup}`),
        votes: m.votes,
        symbol: SYMBOLS[PARTICIPANT_GROUPS.indexOf(m.participantGroup)] ?? "circle",
        itemStyle: m.sparse ? { opacity: 0.4 } : undefined,
      })),
    })),
  }), [r, t]);
  return (
    <div>
      <EChart option={option} height={340} testId="opinion-map" ariaLabel={t("vision.results.mapAria", { participants: r.participants, k: r.k })} />
      <p className="cb-chart-note" data-testid="opinion-map-note">
        {t("vision.results.mapNote", { pc1: pct(r.explained[0]), pc2: pct(r.explained[1]), votes: r.votes })}{" "}
        {PARTICIPANT_GROUPS.map((g, i) => `${["●", "■", "▲", "◆", "📍"][i]} ${t(`vision.groups.${g}`)}`).join(" · ")}
      </p>
    </div>
  );
}
