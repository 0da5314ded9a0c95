import { Card, Col, Row, Space, Tag, Tooltip, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api, cityName, type City, type Lang, type ProfileFigure, type Standing } from "../api";
import { ErrorState, Loading } from "../components/States";
import { countryName } from "../countries";
import { formatNumber, formatPeriod, useLang } from "../lang";
import { unitName } from "../units";

const BASIS_COLOUR: Record<string, string> = { measured: "green", modelled: "orange", reported: "blue" };

function share(s: Standing, lang: Lang): string {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-GB", { style: "percent", maximumFractionDigits: 0 }).format(s.better);
}

/** "name", "alias 12.0 km", "coordinates 3.1 km" (see scripts/build-data/themes.ts) in the reader's language. */
export function matchText(match: string, lang: Lang): string {
  const m = /^(name|alias|coordinates)(?: ([\d.]+) km)?$/.exec(match);
  if (!m) return match;
  const words = lang === "zh"
    ? { name: "城市名称", alias: "GeoNames 别名", coordinates: "最近的城市（坐标）" }
    : { name: "the city's name", alias: "a GeoNames alternate name", coordinates: "the nearest city (coordinates)" };
  const via = words[m[1] as keyof typeof words];
  if (!m[2]) return via;
  return lang === "zh" ? `${via}，距中心 ${m[2]} 公里` : `${via}, ${m[2]} km from the centre`;
}

/** The source's quality fields (WHO temporal coverage, Eurostat flags) in the reader's language. */
export function qualityText(quality: string, lang: Lang): string {
  if (lang !== "zh") return quality;
  return quality
    .replace(/temporal coverage not reported/g, "未报告时间覆盖率")
    .replace(/temporal coverage ([\d.]+) %/g, "时间覆盖率 $1%")
    .replace(/under review/g, "审核中")
    .replace(/break in series/g, "序列中断")
    .replace(/low reliability/g, "可靠性低")
    .replace(/estimated/g, "估计值")
    .replace(/provisional/g, "临时值")
    .replace(/definition differs/g, "定义不同");
}

/** The indicator's values over time as a sparkline (SVG: the city page loads no ECharts), each point with its value as a tooltip. */
function Trend({ figure, city }: { figure: ProfileFigure; city: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const W = 140;
  const H = 44;
  const PAD = 4;
  const values = figure.series.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = figure.series.map((p, i) => ({
    p,
    x: PAD + (figure.series.length > 1 ? (i / (figure.series.length - 1)) * (W - 2 * PAD) : (W - 2 * PAD) / 2),
    // a flat series is drawn across the middle
    y: max === min ? H / 2 : PAD + (1 - (p.value - min) / span) * (H - 2 * PAD),
  }));
  const first = figure.series[0]!;
  const last = figure.series[figure.series.length - 1]!;
  const unit = unitName(figure.indicator.unit, lang);
  return (
    <div style={{ width: W, flex: "none" }} data-testid={`trend-${figure.indicator.code}`}>
      <svg
        role="img"
        aria-label={t("profile.trendAria", { indicator: figure.indicator.names[lang], city, from: formatPeriod(first.period, lang), to: formatPeriod(last.period, lang) })}
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        style={{ display: "block", overflow: "visible" }}
      >
        <polyline points={points.map((q) => `${q.x.toFixed(1)},${q.y.toFixed(1)}`).join(" ")} fill="none" stroke="#0b5394" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
        {points.map((q) => (
          <circle key={q.p.period} cx={q.x} cy={q.y} r={2} fill="#0b5394" data-period={q.p.period}>
            <title>{t("svgmaps.pointTitle", { period: formatPeriod(q.p.period, lang), value: formatNumber(q.p.value, lang), unit })}</title>
          </circle>
        ))}
      </svg>
    </div>
  );
}

function Figure({ figure, city, country }: { figure: ProfileFigure; city: string; country: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ind = figure.indicator;
  const ref = figure.reference;
  const times = ref && ref.value > 0 && ind.direction === "lower" ? figure.value / ref.value : null;
  const place = figure.place && figure.place.length > 70 ? `${figure.place.slice(0, 70)}…` : figure.place;
  return (
    <div className="cb-figure" data-testid={`figure-${ind.code}`}>
      <Space align="start" style={{ justifyContent: "space-between", width: "100%" }} wrap>
        <div>
          <Typography.Text strong>{ind.names[lang]}</Typography.Text>
          <div>
            <Typography.Text style={{ fontSize: 22 }} data-testid={`value-${ind.code}`}>{formatNumber(figure.value, lang)}</Typography.Text>{" "}
            <Typography.Text type="secondary">{unitName(ind.unit, lang)} · {formatPeriod(figure.period, lang)}</Typography.Text>{" "}
            {figure.basis && (
              <Tooltip title={t(`profile.basisHelp.${figure.basis}`)}>
                <Tag color={BASIS_COLOUR[figure.basis]} data-testid={`basis-${ind.code}`}>{t(`profile.${figure.basis}`)}</Tag>
              </Tooltip>
            )}
          </div>
        </div>
        {figure.series.length > 1 && <Trend figure={figure} city={city} />}
      </Space>
      {(figure.standing.country || figure.standing.world) && (
        <div data-testid={`standing-${ind.code}`}>
          <Typography.Text>
            {[
              figure.standing.country && t("profile.betterCountry", { share: share(figure.standing.country, lang), country: countryName(country, lang), of: figure.standing.country.of }),
              figure.standing.world && t("profile.betterWorld", { share: share(figure.standing.world, lang), of: figure.standing.world.of }),
            ].filter(Boolean).join(lang === "zh" ? "；" : "; ")}
          </Typography.Text>
        </div>
      )}
      {ref && (
        <div data-testid={`reference-${ind.code}`}>
          <Typography.Text type="secondary">
            {t("profile.reference", { label: ref.label[lang], value: formatNumber(ref.value, lang), unit: unitName(ind.unit, lang) })}
            {times !== null && ` — ${times > 1 ? t("profile.timesReference", { times: formatNumber(times, lang) }) : t("profile.belowReference")}`}
          </Typography.Text>
        </div>
      )}
      <div className="cb-provenance" data-testid={`provenance-${ind.code}`}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("common.source")}: <span title={figure.source.citation} lang="en">{figure.source.citation.length > 110 ? `${figure.source.citation.slice(0, 110)}…` : figure.source.citation}</span>
          {figure.source.licence && <> · <Trans i18nKey="profile.licence" values={{ licence: figure.source.licence }} components={{ o: <span lang="en" /> }} /></>}
          {place && <> · <Trans i18nKey="profile.place" values={{ place }} components={{ o: <span lang="en" /> }} /></>}
          {figure.match && <> · {t("profile.match", { match: matchText(figure.match, lang) })}</>}
          {figure.quality && <> · {t("profile.quality", { quality: qualityText(figure.quality, lang) })}</>}
        </Typography.Text>
      </div>
    </div>
  );
}

/** The city profile at a glance: each theme's headline figures, with sources, standing and trends. */
export function ThemeOverview({ city }: { city: City }) {
  const { t } = useTranslation();
  const lang = useLang();
  const profile = useQuery({ queryKey: ["profile", city.slug], queryFn: ({ signal }) => api.profile(city.slug, signal) });
  if (profile.error) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  if (!profile.data) return <Loading rows={8} />;
  const name = cityName(city.names, lang);
  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }} data-testid="theme-overview">
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>{t("profile.title", { city: name })}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t("profile.intro")}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {profile.data.themes.map((theme) => (
          <Col xs={24} xl={12} key={theme.theme}>
            <Card title={t(`themes.${theme.theme}`)} size="small" data-testid={`theme-${theme.theme}`}>
              <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
                {theme.figures.length === 0 && theme.theme !== "congestion" && <Typography.Text type="secondary">{t("profile.noneInTheme")}</Typography.Text>}
                {theme.theme === "congestion" && theme.figures.length === 0 && (
                  <Typography.Text type="secondary" data-testid="congestion-none"><Trans i18nKey="profile.congestionNone" components={{ code: <code /> }} /></Typography.Text>
                )}
                {theme.figures.map((f) => <Figure key={f.indicator.code} figure={f} city={name} country={profile.data.country} />)}
                {theme.missing.length > 0 && (
                  <Typography.Text type="secondary" data-testid={`missing-${theme.theme}`}>
                    {t("profile.missing", { list: theme.missing.map((m) => m.names[lang]).join(lang === "zh" ? "、" : ", ") })}{" "}
                    <Link to={`/import?city=${encodeURIComponent(city.slug)}`}>{t("profile.importLink")}</Link>
                  </Typography.Text>
                )}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      <Link to={`/cities/${encodeURIComponent(city.slug)}?tab=indicators`} data-testid="all-series-link">{t("profile.allIndicators")}</Link>
    </Space>
  );
}
