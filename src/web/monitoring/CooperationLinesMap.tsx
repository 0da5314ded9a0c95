import { useEffect, useMemo, useState } from "react";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { EChart } from "../components/EChart";
import { Loading } from "../components/States";
import { CityName, Code } from "../components/Orig";
import { loadWorldMap } from "../echarts";
import { useLang } from "../lang";
import { pick, type Line, type MonMember, type Names } from "./api";
import { linesMapOption } from "./charts";

/** Visually hidden, read by screen readers. */
const SR_ONLY = { position: "absolute", width: 1, height: 1, padding: 0, margin: -1, overflow: "hidden", clip: "rect(0,0,0,0)", whiteSpace: "nowrap", border: 0 } as const;

/** A world map with a line between each pair of cooperating cities and an accessible summary; clicking a line opens its cooperation. */
export function CooperationLinesMap({ cooperations, lines, height = 420, linkPrefix = "/cooperations/" }: {
  cooperations: { id: string; names: Names; members: MonMember[] }[];
  lines: Line[];
  height?: number;
  linkPrefix?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [ready, setReady] = useState(false);
  useEffect(() => { void loadWorldMap().then(() => setReady(true)); }, []);
  const members = useMemo(() => cooperations.flatMap((c) => c.members), [cooperations]);
  const cities = new Set(members.map((m) => m.slug)).size;
  const option = useMemo(
    () => linesMapOption(members, lines, new Map(cooperations.map((c) => [c.id, pick(c.names, lang).text])), lang),
    [members, lines, cooperations, lang],
  );
  if (!ready) return <Loading rows={8} />;
  return (
    <div data-testid="lines-map-wrap" data-lines={lines.length}>
      <EChart
        testId="lines-map"
        option={option}
        height={height}
        ariaLabel={t("monitoring.mapAria", { count: cooperations.length })}
        onItemClick={(d) => { const id = (d as { cooperationId?: string } | undefined)?.cooperationId; if (id) navigate(`${linkPrefix}${id}`); }}
      />
      <Typography.Text type="secondary" data-testid="lines-summary">
        {t("monitoring.mapSummary", { cooperations: cooperations.length, lines: lines.length, cities })}
      </Typography.Text>
      <ul style={SR_ONLY} data-testid="lines-list">
        {lines.map((l) => {
          const name = (s: string) => {
            const names = members.find((m) => m.slug === s)?.names;
            return names ? <CityName names={names} /> : <Code>{s}</Code>;
          };
          return <li key={`${l.cooperationId}-${l.from}-${l.to}`}>{name(l.from)} — {name(l.to)}</li>;
        })}
      </ul>
    </div>
  );
}
