/**
 * A locator map without ECharts (issue 18.8): the world's outline around a place, a dot and the
 * place's name, as one SVG image named by `ariaLabel`. Centred on the place at a fixed scale (about
 * what ECharts' geo zoom 6 showed); as wide as its box, `height` pixels high. The outline comes in
 * its own small chunk (src/web/geo/world-outline.ts); until it is there the dot and name stand alone
 * — the page never waits for it.
 */
import { centredView, labelWidth, toScreen } from "../geo/project";
import { useWidth, WorldLand } from "../geo/WorldOutline";

export interface WorldLocatorProps {
  lon: number;
  lat: number;
  /** The place's name in the reader's language, written beside the dot. */
  name: string;
  /** The name's language when it is not the reader's (an English name on a 中文 page). */
  nameLang?: string;
  ariaLabel: string;
  height?: number;
  testId?: string;
}

export function WorldLocator({ lon, lat, name, nameLang, ariaLabel, height = 300, testId }: WorldLocatorProps) {
  const [ref, width] = useWidth<HTMLDivElement>(480);
  const view = centredView(lon, lat, width, height);
  const [x, y] = toScreen(view, lon, lat);
  // Beside the dot when the name fits there, else centred below it.
  const beside = x + 12 + labelWidth(name, 14) <= width - 4;
  return (
    <div ref={ref} style={{ width: "100%", height, overflow: "hidden" }}>
      <svg
        role="img"
        aria-label={ariaLabel}
        data-label-content={name}
        data-testid={testId}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        style={{ display: "block", background: "#f7f9fb" }}
      >
        <WorldLand view={view} />
        <circle cx={x} cy={y} r={7} fill="#0b5394" stroke="#fff" strokeWidth={2} data-testid="locator-dot" />
        <text
          x={beside ? x + 12 : x}
          y={beside ? y + 5 : y + 24}
          textAnchor={beside ? "start" : "middle"}
          fontSize={14}
          fontWeight="bold"
          fill="#1f1f1f"
          stroke="#fff"
          strokeWidth={3}
          paintOrder="stroke"
          lang={nameLang}
          data-testid="locator-name"
        >
          {name}
        </text>
      </svg>
    </div>
  );
}
