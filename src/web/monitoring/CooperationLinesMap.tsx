import { useMemo, type MouseEvent } from "react";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { CityName, Code, nameIn } from "../components/Orig";
import { curve, fitView, labelWidth, linesBounds, toScreen } from "../geo/project";
import { useWidth, WorldLand } from "../geo/WorldOutline";
import { useLang } from "../lang";
import { type Line, type MonMember, type Names } from "./api";

/** Visually hidden, read by screen readers. */
const SR_ONLY = { position: "absolute", width: 1, height: 1, padding: 0, margin: -1, overflow: "hidden", clip: "rect(0,0,0,0)", whiteSpace: "nowrap", border: 0 } as const;

/**
 * A world map with a curved line between each pair of cooperating cities and an accessible summary,
 * drawn as SVG (no ECharts: issue 18.8). Framed around the cities (12° around their box); each line is
 * a link to its cooperation (mouse, or Tab and Enter), named by the pair and the cooperation.
 */
export function CooperationLinesMap({ cooperations, lines, height = 420, linkPrefix = "/cooperations/" }: {
  cooperations: { id: string; names: Names; members: MonMember[] }[];
  lines: Line[];
  height?: number;
  linkPrefix?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const members = useMemo(() => cooperations.flatMap((c) => c.members), [cooperations]);
  const bySlug = useMemo(() => new Map(members.map((m) => [m.slug, m])), [members]);
  const cities = [...bySlug.values()];
  // Lower on a narrow screen, so that the frame is not mostly sea above and below.
  const h = Math.round(Math.min(height, Math.max(240, width * 0.75)));
  const view = fitView(linesBounds(cities), width, h);
  const coopNames = new Map(cooperations.map((c) => [c.id, nameIn(c.names, lang)]));

  // In-app navigation for a plain click or Enter (Enter on a focused link fires a click); a modified click opens as the browser does.
  const go = (href: string) => (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };

  return (
    <div data-testid="lines-map-wrap" data-lines={lines.length}>
      <div ref={ref} style={{ width: "100%", height: h, overflow: "hidden" }}>
        <svg
          role="group"
          aria-label={t("monitoring.mapAria", { count: cooperations.length })}
          data-testid="lines-map"
          width={width}
          height={h}
          viewBox={`0 0 ${width} ${h}`}
          style={{ display: "block", background: "#f7f9fb" }}
        >
          <WorldLand view={view} border="#b9c5d1" />
          {lines.map((l, i) => {
            const a = bySlug.get(l.from);
            const b = bySlug.get(l.to);
            if (!a || !b) return null;
            const { d } = curve(toScreen(view, a.lon, a.lat), toScreen(view, b.lon, b.lat));
            const from = nameIn(a.names, lang);
            const to = nameIn(b.names, lang);
            const coop = coopNames.get(l.cooperationId) ?? { text: l.cooperationId, english: true };
            const href = `${linkPrefix}${encodeURIComponent(l.cooperationId)}`;
            const english = from.english || to.english || coop.english;
            return (
              <a
                key={`${l.cooperationId}-${l.from}-${l.to}-${i}`}
                href={href}
                className="cb-line"
                data-testid={`line-${l.cooperationId}`}
                data-from={l.from}
                data-to={l.to}
                lang={english ? "en" : undefined}
                onClick={go(href)}
              >
                <title>{t("svgmaps.lineTitle", { from: from.text, to: to.text, cooperation: coop.text })}</title>
                {/* a wide invisible stroke: the line is easy to hit with a finger or a mouse */}
                <path d={d} fill="none" stroke="transparent" strokeWidth={9} />
                <path d={d} fill="none" className="cb-line-stroke" stroke="#0b5394" strokeWidth={2} strokeOpacity={0.75} strokeLinecap="round" />
              </a>
            );
          })}
          {cities.map((c) => {
            const [x, y] = toScreen(view, c.lon, c.lat);
            const n = nameIn(c.names, lang);
            // Right of the dot, or left of it where the name would run off the map.
            const right = x + 7 + labelWidth(n.text, 11) <= width - 2;
            return (
              <g key={c.slug} data-testid={`lines-city-${c.slug}`} pointerEvents="none">
                <circle cx={x} cy={y} r={4.5} fill="#d46b08" stroke="#333" strokeWidth={0.6} />
                <text x={right ? x + 7 : x - 7} y={y + 4} textAnchor={right ? "start" : "end"} fontSize={11} fill="#1f1f1f" stroke="#fff" strokeWidth={3} paintOrder="stroke" lang={n.english ? "en" : undefined}>{n.text}</text>
              </g>
            );
          })}
        </svg>
      </div>
      <Typography.Text type="secondary" data-testid="lines-summary">
        {t("monitoring.mapSummary", { cooperations: cooperations.length, lines: lines.length, cities: cities.length })}
      </Typography.Text>
      <ul style={SR_ONLY} data-testid="lines-list">
        {lines.map((l) => {
          const name = (s: string) => {
            const names = bySlug.get(s)?.names;
            return names ? <CityName names={names} /> : <Code>{s}</Code>;
          };
          return <li key={`${l.cooperationId}-${l.from}-${l.to}`}>{name(l.from)} — {name(l.to)}</li>;
        })}
      </ul>
    </div>
  );
}
