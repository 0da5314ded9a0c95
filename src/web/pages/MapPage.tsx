import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { Button, Card, Empty, Space, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import { api, cityName, type CityPoint, type Indicator, type Source } from "../api";
import { EChart } from "../components/EChart";
import { IndicatorSelect } from "../components/IndicatorSelect";
import { useScreen } from "../components/useScreen";
import { SourceList } from "../components/SourceList";
import { ErrorState, Loading } from "../components/States";
import { countryNames } from "../countries";
import { echarts, loadWorldMap, type EChartsOption } from "../echarts";
import { esc } from "../html";
import { formatNumber, formatPeriod, useLang } from "../lang";
import { useIndicators, useSources } from "../queries";
import type { Lang } from "../api";
import { ProgrammePicker, useProgrammeLines, withProgrammeLines } from "../monitoring/ProgrammeLines";
import { unitName } from "../units";
import type { MapRow } from "./MapTable";

export const DEFAULT_INDICATOR = "energy.grid_intensity";

/** Low is good → green to red; high is good → red to green; no direction → a neutral blue ramp. */
function ramp(direction: Indicator["direction"]): string[] {
  const goodToBad = ["#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027"];
  if (direction === "lower") return goodToBad;
  if (direction === "higher") return [...goodToBad].reverse();
  return ["#c6dbef", "#6baed6", "#2171b5", "#08306b"];
}

type Row = MapRow;
// The table behind "Show as table" loads when first opened.
const MapTable = lazy(() => import("./MapTable"));

/** The value at quantile q (0–1) of sorted values, by linear interpolation. */
function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/**
 * The colour scale spans the 2nd to 98th percentile, so one outlier (a grid at 0 gCO2/kWh) does not
 * wash out every other city; values beyond it take the end colours, and tooltips keep the true value.
 */
function colourRange(values: number[]): { min: number; max: number } {
  if (values.length === 0) return { min: 0, max: 1 };
  const sorted = [...values].sort((a, b) => a - b);
  const min = values.length >= 50 ? quantile(sorted, 0.02) : sorted[0]!;
  const max = values.length >= 50 ? quantile(sorted, 0.98) : sorted[sorted.length - 1]!;
  return { min, max: max === min ? min + 1 : max };
}

/** How many colour classes the reported cities fall into (each drawn as one series). */
const CLASSES = 6;

/**
 * The reported cities drawn as one scatter series per colour class, each in ECharts' large mode (one
 * canvas path per series instead of one element per point: 4,400 cities drew in ~0.3 s of script
 * before). The legend lists the classes (clicking one hides or shows it); tooltips keep the true value.
 * On a phone the map takes the width and the legend lies horizontally under it, never over it.
 */
function mapOption(indicator: Indicator, points: CityPoint[], rows: Row[], sources: Source[], lang: Lang, t: (k: string) => string, phone = false): EChartsOption {
  const reported = new Set(rows.map((r) => r.city));
  const citation = new Map(sources.map((s) => [s.id, s.citation]));
  const { min, max } = colourRange(rows.map((r) => r.value));
  const unit = unitName(indicator.unit, lang);
  const colours = ramp(indicator.direction);
  const step = (max - min) / CLASSES;
  const digits = step < 10 ? 2 : 0;
  const fmt = (v: number) => formatNumber(Number(v.toFixed(digits)), lang);
  const classOf = (v: number) => Math.min(CLASSES - 1, Math.max(0, Math.floor((v - min) / step)));
  const byClass: Row[][] = Array.from({ length: CLASSES }, () => []);
  for (const r of rows) byClass[classOf(r.value)]!.push(r);
  const classes = byClass.map((members, i) => {
    const lo = min + i * step;
    const hi = i === CLASSES - 1 ? max : lo + step;
    const below = i === 0 && rows.some((r) => r.value < min);
    const above = i === CLASSES - 1 && rows.some((r) => r.value > max);
    const name = below ? `< ${fmt(hi)}` : above ? `≥ ${fmt(lo)}` : `${fmt(lo)} – ${fmt(hi)}`;
    return { name: i === CLASSES - 1 ? `${name} ${unit}` : name, colour: echarts.color.lerp((i + 0.5) / CLASSES, colours), members };
  });
  const large = { large: true, largeThreshold: 0 } as const;
  return {
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (p: unknown) => {
        const d = (p as { data?: { name: string; row?: Row } }).data;
        if (!d) return "";
        if (!d.row) return `<b>${esc(d.name)}</b><br/>${esc(indicator.names[lang])}: <i>${esc(t("common.notYetReported"))}</i>`;
        const r = d.row;
        return `<b>${esc(d.name)}</b><br/>${esc(indicator.names[lang])}: <b>${esc(formatNumber(r.value, lang))} ${esc(unit)}</b>`
          + `<br/>${esc(t("common.period"))}: ${esc(formatPeriod(r.period, lang))}`
          + `<br/>${esc(t("common.source"))}: ${esc(citation.get(r.source) ?? r.source)}`;
      },
    },
    geo: {
      map: "world",
      roam: true,
      nameProperty: "iso_a2",
      nameMap: countryNames(lang),
      boundingCoords: [[-170, 80], [190, -58]],
      silent: true,
      itemStyle: { areaColor: "#e9eef3", borderColor: "#b9c5d1" },
      ...(phone ? { left: 4, right: 4, top: 4, bottom: rows.length ? 64 : 4 } : {}),
    },
    legend: rows.length ? {
      // the highest class on top, as a colour scale reads
      data: classes.map((c) => c.name).reverse(),
      itemWidth: 12,
      itemHeight: 12,
      ...(phone
        ? { orient: "horizontal", left: "center", bottom: 4, itemGap: 6, textStyle: { fontSize: 11 } }
        : { orient: "vertical", left: 16, bottom: 16 }),
    } : undefined,
    series: [
      {
        name: t("common.notYetReported"),
        type: "scatter",
        coordinateSystem: "geo",
        symbolSize: 4,
        ...large,
        itemStyle: { color: "#9e9e9e", opacity: 0.45 },
        data: points.filter((p) => !reported.has(p.slug)).map((p) => ({ name: cityName(p.names, lang), value: [p.lon, p.lat], slug: p.slug })),
      },
      ...classes.map((c) => ({
        name: c.name,
        type: "scatter",
        coordinateSystem: "geo",
        symbolSize: 8,
        ...large,
        itemStyle: { color: c.colour },
        data: c.members.map((r) => ({ name: cityName(r.point.names, lang), value: [r.point.lon, r.point.lat, r.value], slug: r.city, row: r })),
      })),
    ],
  };
}

/** What the colours show: the indicator and unit, the years of the latest values, and their sources (the legend's caption). */
function legendCaption(indicator: Indicator, rows: Row[], sources: Source[], lang: Lang): React.ReactNode {
  const years = rows.map((r) => Number(r.period.slice(0, 4)));
  const from = Math.min(...years);
  const to = Math.max(...years);
  const citation = new Map(sources.map((s) => [s.id, s.citation]));
  const names = [...new Set(rows.map((r) => r.source))].map((id) => {
    const c = citation.get(id) ?? id;
    return c.length > 80 ? `${c.slice(0, 80)}…` : c;
  });
  return (
    <Trans
      i18nKey="map.legendCaption"
      values={{ indicator: indicator.names[lang], unit: unitName(indicator.unit, lang), years: from === to ? String(from) : `${from}–${to}`, sources: names.join(lang === "zh" ? "；" : "; ") }}
      components={{ o: <span lang="en" /> }}
    />
  );
}

export default function MapPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { phone } = useScreen();
  const [showTable, setShowTable] = useState(false);
  const [mapReady, setMapReady] = useState(false);
  const indicators = useIndicators();
  const sources = useSources();
  const points = useQuery({ queryKey: ["city-points"], queryFn: ({ signal }) => api.cityPoints(signal), staleTime: 10 * 60_000 });

  const list = indicators.data?.items ?? [];
  const wanted = params.get("indicator") ?? DEFAULT_INDICATOR;
  const indicator = list.find((i) => i.code === wanted) ?? list.find((i) => i.code === DEFAULT_INDICATOR) ?? list[0];
  // Asked for at once with the code in the address (or the default), not after the indicator list: no waterfall.
  // Should the code turn out unknown, the list's fallback indicator is asked for next.
  const code = indicators.data ? indicator?.code : wanted;
  const latest = useQuery({
    queryKey: ["latest", code],
    queryFn: ({ signal }) => api.latest(code!, signal),
    enabled: !!code,
  });

  useEffect(() => { void loadWorldMap().then(() => setMapReady(true)); }, []);
  const programmeId = params.get("programme");
  const programme = useProgrammeLines(programmeId);

  const rows: Row[] = useMemo(() => {
    const bySlug = new Map((points.data?.items ?? []).map((p) => [p.slug, p]));
    return (latest.data?.items ?? []).flatMap((r) => {
      const point = bySlug.get(r.city);
      return point ? [{ ...r, point }] : [];
    });
  }, [points.data, latest.data]);

  const option = useMemo(
    () => indicator && points.data ? withProgrammeLines(mapOption(indicator, points.data.items, rows, sources.data?.items ?? [], lang, t, phone), programme.data, lang) : null,
    [indicator, points.data, rows, sources.data, lang, t, programme.data, phone],
  );

  // The classes hidden by a click on the legend, said in words beside the map (and to screen readers). A
  // new option (another indicator, language, programme) shows every class again, so the state goes with it.
  const [legend, setLegend] = useState<{ option: EChartsOption | null; hidden: string[] }>({ option: null, hidden: [] });
  const hiddenClasses = legend.option === option ? legend.hidden : [];

  const failed = indicators.error ?? points.error ?? latest.error;
  const retry = () => { void indicators.refetch(); void points.refetch(); void latest.refetch(); };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <div className="cb-page-head">
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t("map.title")}</Typography.Title>
        <div className="cb-pickers">
          <span className="cb-picker">
          <label htmlFor="map-indicator" data-testid="indicator-label">{t("map.indicator")}</label>
          <IndicatorSelect
            id="map-indicator"
            testId="indicator-select"
            indicators={list}
            value={indicator?.code}
            onChange={(code) => setParams(code ? { indicator: code, ...(programmeId ? { programme: programmeId } : {}) } : {}, { replace: false })}
            placeholder={t("map.pickIndicator")}
          />
          </span>
          <span className="cb-picker">
          <ProgrammePicker lang={lang} value={programmeId} onChange={(id) => setParams((prev) => { const next = new URLSearchParams(prev); if (id) next.set("programme", id); else next.delete("programme"); return next; })} />
          </span>
        </div>
      </div>
      {failed ? <ErrorState error={failed} onRetry={retry} /> : (
        <Card styles={{ body: { padding: 8 } }}>
          {!option || !mapReady || latest.isLoading ? <Loading rows={10} /> : (
            <>
              <EChart
                testId="world-map"
                height={phone ? 340 : 520}
                option={option}
                ariaLabel={t("map.ariaLabel", { indicator: indicator!.names[lang], unit: unitName(indicator!.unit, lang) })}
                onItemClick={(d) => { const slug = (d as { slug?: string } | undefined)?.slug; if (slug) navigate(`/cities/${slug}`); }}
                onLegendSelect={(selected) => setLegend({ option, hidden: Object.entries(selected).filter(([, shown]) => !shown).map(([name]) => name) })}
              />
              <Space wrap style={{ padding: "4px 8px", justifyContent: "space-between", width: "100%" }}>
                <Typography.Text data-testid="map-summary">
                  {t("map.summary", {
                    indicator: `${indicator!.names[lang]} (${unitName(indicator!.unit, lang)})`,
                    count: rows.length, missing: Math.max(0, (points.data?.items.length ?? 0) - rows.length),
                  })}
                </Typography.Text>
                <Typography.Text role="status" data-testid="map-hidden-classes">{hiddenClasses.length ? t("map.hiddenClasses", { classes: hiddenClasses.join("; ") }) : ""}</Typography.Text>
                {rows.length > 0 && <Typography.Text type="secondary" data-testid="map-legend-caption">{legendCaption(indicator!, rows, sources.data?.items ?? [], lang)}</Typography.Text>}
                {programme.data && <Typography.Text data-testid="map-programme-summary">{t("monitoring.programmeLines", { count: programme.data.lines.length, programme: programme.data.programme.names[lang] ?? programme.data.programme.names.en })}</Typography.Text>}
                <Button onClick={() => setShowTable((v) => !v)} aria-pressed={showTable} aria-expanded={showTable} data-testid="map-table-toggle">
                  {showTable ? t("common.showChart") : t("map.asTable")}
                </Button>
              </Space>
              {rows.length === 0 && <Empty description={t("map.noData")} />}
            </>
          )}
        </Card>
      )}
      {showTable && indicator && (
        <Card title={t("map.top", { indicator: indicator.names[lang] })}>
          <Suspense fallback={<Loading rows={6} />}>
            <MapTable indicator={indicator} rows={rows} sources={sources.data?.items} />
          </Suspense>
        </Card>
      )}
      <SourceList testId="map-sources" title={t("map.sourcesTitle")} ids={rows.map((r) => r.source)} sources={sources.data?.items} />
    </Space>
  );
}
