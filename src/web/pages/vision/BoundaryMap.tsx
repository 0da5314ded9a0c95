import { useEffect, useMemo, useRef, useState } from "react";
import { Button, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LinesChart } from "echarts/charts";
import { BrushComponent } from "echarts/components";
import { echarts, type EChartsOption, loadWorldMap } from "../../echarts";
import { countryNames } from "../../countries";
import { ECHARTS_LOCALE, useLang } from "../../lang";
import type { BoundaryGeometry } from "../../vision/boundary-file";

// Drawing is ECharts' own polygon brush on the geo component the other maps use (no second map library).
echarts.use([BrushComponent, LinesChart]);

type Ring = number[][];
const rings = (b: BoundaryGeometry | null): Ring[] => (!b ? [] : b.type === "Polygon" ? b.coordinates : b.coordinates.flat());

/** Longitude/latitude box around the boundaries, or around the city when there is none (about 30 km across). */
function bounds(center: [number, number], shown: Ring[]): [[number, number], [number, number]] {
  const pts = shown.flat();
  if (pts.length === 0) return [[center[0] - 0.2, center[1] + 0.15], [center[0] + 0.2, center[1] - 0.15]];
  const xs = pts.map((p) => p[0]!), ys = pts.map((p) => p[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const px = Math.max((x1 - x0) * 0.3, 0.01), py = Math.max((y1 - y0) * 0.3, 0.01);
  return [[x0 - px, y1 + py], [x1 + px, y0 - py]];
}

/** A lasso drawn on the map as a closed GeoJSON ring: positions rounded to ~1 m, repeated ones dropped. */
export function ringFromLasso(points: number[][]): Ring | null {
  const ring: Ring = [];
  for (const p of points) {
    const q = [Math.round(p[0]! * 1e5) / 1e5, Math.round(p[1]! * 1e5) / 1e5];
    const last = ring.at(-1);
    if (!last || last[0] !== q[0] || last[1] !== q[1]) ring.push(q);
  }
  if (ring.length < 3) return null;
  const first = ring[0]!, last = ring.at(-1)!;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([...first]);
  return ring.length >= 4 ? ring : null;
}

/**
 * The district's boundary on a map of the city's surroundings, with the city's other districts in
 * grey; "Draw the boundary" turns the pointer into a lasso: press, go round the district, release.
 */
export function BoundaryMap({ value, onChange, center, cityLabel, others }: {
  value: BoundaryGeometry | null; onChange: (b: BoundaryGeometry) => void; center: [number, number]; cityLabel: string; others: BoundaryGeometry[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [mapReady, setMapReady] = useState(false);
  const [rendered, setRendered] = useState(false);
  const [drawing, setDrawing] = useState(false);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  useEffect(() => { void loadWorldMap().then(() => setMapReady(true)); }, []);

  // The same boundaries in a new array (a parent's render) keep the chart as it is.
  const othersKey = JSON.stringify(others);
  const option = useMemo<EChartsOption>(() => ({
    geo: {
      map: "world", nameProperty: "iso_a2", nameMap: countryNames(lang), roam: false, silent: true,
      boundingCoords: bounds(center, [...rings(value), ...others.flatMap(rings)]),
      itemStyle: { areaColor: "#eef2f6", borderColor: "#9fb0c1" },
    },
    brush: { geoIndex: 0, brushMode: "single", transformable: false, throttleType: "debounce", brushStyle: { borderWidth: 2, color: "rgba(11,83,148,0.15)", borderColor: "#0b5394" }, outOfBrush: {} },
    series: [
      { type: "lines", coordinateSystem: "geo", polyline: true, silent: true, lineStyle: { color: "#8c8c8c", width: 1.5, type: "dashed" }, data: others.flatMap(rings).map((r) => ({ coords: r })) },
      { type: "lines", coordinateSystem: "geo", polyline: true, silent: true, lineStyle: { color: "#0b5394", width: 3 }, data: rings(value).map((r) => ({ coords: r })) },
      {
        type: "scatter", coordinateSystem: "geo", symbolSize: 10, silent: true, itemStyle: { color: "#0b5394", borderColor: "#fff", borderWidth: 2 },
        label: { show: true, formatter: cityLabel, position: "right" }, data: [{ name: cityLabel, value: center }],
      },
    ],
  }), [center[0], center[1], value, othersKey, cityLabel, lang]);

  useEffect(() => {
    const el = ref.current;
    if (!el || !mapReady) return;
    const instance = echarts.init(el, null, { locale: ECHARTS_LOCALE[lang], renderer: "canvas" });
    chart.current = instance;
    instance.on("finished", () => setRendered(true));
    instance.on("brushEnd", (params) => {
      const area = (params as { areas?: { coordRange?: number[][] }[] }).areas?.[0];
      const ring = area?.coordRange ? ringFromLasso(area.coordRange) : null;
      instance.dispatchAction({ type: "brush", areas: [] });
      instance.dispatchAction({ type: "takeGlobalCursor", key: "brush", brushOption: { brushType: false } });
      setDrawing(false);
      if (ring) changeRef.current({ type: "Polygon", coordinates: [ring] });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [lang, mapReady]);

  useEffect(() => { chart.current?.setOption(option, { notMerge: true }); }, [option, mapReady, lang]);

  const toggle = () => {
    const next = !drawing;
    chart.current?.dispatchAction({ type: "takeGlobalCursor", key: "brush", brushOption: next ? { brushType: "polygon", brushMode: "single" } : { brushType: false } });
    setDrawing(next);
  };
  return (
    <Space orientation="vertical" size={4} style={{ width: "100%" }}>
      <Space wrap>
        <Button size="small" type={drawing ? "primary" : "default"} onClick={toggle} disabled={!rendered} aria-pressed={drawing} data-testid="boundary-draw">
          {drawing ? t("dataPages.boundary.stopDrawing") : t("dataPages.boundary.draw")}
        </Button>
        <Typography.Text type="secondary">{drawing ? t("dataPages.boundary.drawHint") : t("dataPages.boundary.mapHint")}</Typography.Text>
      </Space>
      <div ref={ref} role="img" aria-label={t("dataPages.boundary.mapAria", { city: cityLabel })} data-testid="boundary-map" data-ready={rendered ? "true" : "false"}
        data-drawing={drawing ? "true" : "false"} style={{ width: "100%", height: 320, cursor: drawing ? "crosshair" : undefined, border: "1px solid #f0f0f0" }} />
    </Space>
  );
}
