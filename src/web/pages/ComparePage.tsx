import { useMemo } from "react";
import { Alert, Button, Card, Empty, Space, Table, Typography } from "antd";
import { CloseOutlined } from "@ant-design/icons";
import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { api, cityName, type Observation } from "../api";
import { cityFacts } from "../components/CityFacts";
import { CityPicker } from "../components/CityPicker";
import { IndicatorChart, type Series } from "../components/IndicatorChart";
import { ErrorState, isNotFound, Loading } from "../components/States";
import { useLang } from "../lang";
import { useIndicators, useSources } from "../queries";
import { CityName } from "../components/Orig";
import { unitName } from "../units";

const MAX = 4;

function readSlugs(p: URLSearchParams): string[] {
  return [...new Set((p.get("c") ?? "").split(",").map((s) => s.trim()).filter(Boolean))];
}

export default function ComparePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const slugs = readSlugs(params);
  const shown = slugs.slice(0, MAX);
  // Written by hand so the list stays readable in the address bar (c=a,b rather than c=a%2Cb).
  const setSlugs = (next: string[]) => navigate({ search: next.length ? `?c=${next.map(encodeURIComponent).join(",")}` : "" });

  const indicators = useIndicators();
  const sources = useSources();
  const cities = useQueries({ queries: shown.map((slug) => ({ queryKey: ["city", slug], queryFn: ({ signal }: { signal: AbortSignal }) => api.city(slug, signal) })) });
  const observations = useQueries({ queries: shown.map((slug) => ({ queryKey: ["observations", slug], queryFn: ({ signal }: { signal: AbortSignal }) => api.observations(slug, undefined, signal) })) });

  // Re-derive only when some answer changed, so charts are not redrawn on every render.
  const stamp = [...cities, ...observations].map((q) => q.dataUpdatedAt).join(",") + shown.join(",");
  const loaded = useMemo(() => cities.flatMap((q, i) => (q.data ? [{ city: q.data, obs: observations[i]?.data?.items }] : [])), [stamp]);
  const missing = shown.filter((_, i) => isNotFound(cities[i]?.error));
  const otherError = [...cities, ...observations].find((q) => q.error && !isNotFound(q.error))?.error ?? indicators.error;
  const loading = cities.some((q) => q.isLoading) || observations.some((q) => q.isLoading) || indicators.isLoading;

  const charts = useMemo(() => {
    const list = indicators.data?.items ?? [];
    return list.flatMap((indicator) => {
      const series: Series[] = loaded.flatMap(({ city, obs }, slot) => {
        const mine = (obs ?? []).filter((o: Observation) => o.indicator === indicator.code);
        return mine.length ? [{ key: city.slug, name: cityName(city.names, lang), observations: mine, slot }] : [];
      });
      return series.length ? [{ indicator, series }] : [];
    });
  }, [indicators.data, loaded, lang]);

  const facts = cityFacts(t, lang);
  const cityColumns = loaded.map(({ city }) => ({
    key: city.slug,
    title: (
      <Space>
        <Link to={`/cities/${city.slug}`}><CityName names={city.names} /></Link>
        <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t("compare.remove", { city: cityName(city.names, lang) })}
          data-testid={`remove-${city.slug}`} onClick={() => setSlugs(slugs.filter((s) => s !== city.slug))} />
      </Space>
    ),
    render: (_: unknown, f: (typeof facts)[number]) => f.value(city),
  }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="compare-page">
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t("compare.title")}</Typography.Title>
      <Space wrap align="center">
        <label htmlFor="compare-add">{t("compare.add")}</label>
        <CityPicker id="compare-add" testId="compare-add" value={undefined} exclude={slugs} placeholder={t("compare.addPlaceholder")}
          ariaLabel={t("compare.add")} onChange={(slug) => { if (slug && shown.length < MAX) setSlugs([...slugs, slug]); }} />
        {shown.length >= MAX && <Typography.Text type="secondary">{t("compare.tooMany")}</Typography.Text>}
      </Space>
      {slugs.length > MAX && <Alert type="warning" showIcon title={t("compare.tooMany")} />}
      {missing.map((slug) => (
        <Alert key={slug} type="warning" showIcon title={t("compare.unknown", { slug })}
          action={<Button size="small" onClick={() => setSlugs(slugs.filter((s) => s !== slug))}>{t("compare.remove", { city: slug })}</Button>} />
      ))}
      {shown.length < 2 && <Alert type="info" showIcon title={t("compare.needTwo")} data-testid="compare-need-two" />}
      {otherError ? <ErrorState error={otherError} onRetry={() => { cities.forEach((q) => void q.refetch()); observations.forEach((q) => void q.refetch()); void indicators.refetch(); }} />
        : loading ? <Loading rows={8} /> : loaded.length > 0 && (
          <>
            <Card title={t("compare.facts")}>
              <Table
                data-testid="compare-facts"
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={facts}
                columns={[{ key: "label", title: "", dataIndex: "label", width: 180, render: (l: string) => <strong>{l}</strong> }, ...cityColumns]}
              />
            </Card>
            {charts.length === 0 ? <Empty description={t("compare.noIndicators")} /> : (
              <div className="cb-chart-grid">
                {charts.map(({ indicator, series }) => (
                  <IndicatorChart key={indicator.code} compare indicator={indicator} series={series} sources={sources.data?.items}
                    ariaLabel={t("compare.chartAria", { indicator: indicator.names[lang], unit: unitName(indicator.unit, lang), cities: series.map((s) => s.name).join(", ") })} />
                ))}
              </div>
            )}
          </>
        )}
    </Space>
  );
}
