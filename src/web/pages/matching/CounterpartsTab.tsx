import { Button, Empty, Form, InputNumber, Select, Space, Typography } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api, cityName } from "../../api";
import { ErrorState, Loading } from "../../components/States";
import { countryNames } from "../../countries";
import { useLang } from "../../lang";
import { matchingApi, SIZES, type CounterpartQuery, type Size } from "../../matching/api";
import { PRACTICE_THEMES } from "../../practices-api";
import { useIndicators, useSources } from "../../queries";
import { regionName } from "../../regions";
import { CounterpartCard } from "./CounterpartCard";
import { MethodPanel } from "./MethodPanel";

/** UN geoscheme subregions, as the API names them. */
const REGIONS = [
  "Eastern Asia", "South-Eastern Asia", "Southern Asia", "Central Asia", "Western Asia", "Eastern Europe", "Northern Europe", "Southern Europe",
  "Western Europe", "Northern Africa", "Western Africa", "Eastern Africa", "Middle Africa", "Southern Africa", "Northern America", "Central America",
  "Caribbean", "South America", "Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia",
];
const FILTERS = ["top", "region", "country", "theme", "size"] as const;

/** The URL's filters (shareable): ?top=&region=&country=&theme=&size=. */
function useFilters(): [CounterpartQuery, (patch: Partial<Record<(typeof FILTERS)[number], string | number | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const top = Number(params.get("top"));
  const size = params.get("size");
  const query: CounterpartQuery = {
    top: Number.isInteger(top) && top >= 1 && top <= 100 ? top : 10,
    region: params.get("region") ?? undefined,
    country: params.get("country") ?? undefined,
    theme: params.get("theme") ?? undefined,
    size: SIZES.includes(size as Size) ? (size as Size) : undefined,
  };
  const update = (patch: Partial<Record<(typeof FILTERS)[number], string | number | undefined>>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === "" || (k === "top" && v === 10)) next.delete(k);
        else next.set(k, String(v));
      }
      return next;
    }, { replace: true });
  return [query, update];
}

/** The city page's "Counterparts" tab: filters kept in the URL, the family of counterparts with reasons and a comparison chart, and how the score is made. */
export default function CounterpartsTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [query, update] = useFilters();
  const indicators = useIndicators();
  const sources = useSources();
  // The city page has just fetched this city: no second request on mounting the tab (edits invalidate it).
  const city = useQuery({ queryKey: ["city", slug], queryFn: ({ signal }) => api.city(slug, signal), staleTime: 60_000 });
  const r = useQuery({
    queryKey: ["counterparts", slug, query],
    queryFn: ({ signal }) => matchingApi.counterparts(slug, query, signal),
    placeholderData: keepPreviousData,
  });
  const names = new Map((indicators.data?.items ?? []).map((i) => [i.code, i.names[lang]]));
  const indicatorName = (code: string) => names.get(code) ?? code;
  const cityLabel = city.data ? cityName(city.data.names, lang) : slug;
  const countries = Object.entries(countryNames(lang)).sort((a, b) => a[1].localeCompare(b[1], lang === "zh" ? "zh-CN" : "en"));
  const anyFilter = FILTERS.some((f) => f !== "top" && query[f] !== undefined);

  const filters = (
    <Form layout="inline" aria-label={t("matching.filters.label")} data-testid="counterpart-filters" style={{ rowGap: 8 }}>
      <Form.Item label={t("matching.filters.top")} htmlFor="cp-top">
        <InputNumber id="cp-top" min={1} max={100} value={query.top} onChange={(v) => update({ top: v ?? undefined })} style={{ width: 80 }} data-testid="filter-top" />
      </Form.Item>
      <Form.Item label={t("matching.filters.region")} htmlFor="cp-region">
        <Select id="cp-region" allowClear showSearch={{ optionFilterProp: "label" }} placeholder={t("matching.filters.any")} value={query.region ?? null} style={{ width: 190 }} data-testid="filter-region"
          onChange={(v) => update({ region: v ?? undefined })}
          options={REGIONS.map((x) => ({ value: x, label: regionName(x, lang) }))} />
      </Form.Item>
      <Form.Item label={t("matching.filters.country")} htmlFor="cp-country">
        <Select id="cp-country" allowClear showSearch={{ optionFilterProp: "label" }} placeholder={t("matching.filters.any")} value={query.country ?? null} style={{ width: 190 }} data-testid="filter-country"
          onChange={(v) => update({ country: v ?? undefined })}
          options={countries.map(([code, name]) => ({ value: code, label: name }))} />
      </Form.Item>
      <Form.Item label={t("matching.filters.theme")} htmlFor="cp-theme">
        <Select id="cp-theme" allowClear placeholder={t("matching.filters.any")} value={query.theme ?? null} style={{ width: 160 }} data-testid="filter-theme"
          onChange={(v) => update({ theme: v ?? undefined })}
          options={PRACTICE_THEMES.map((x) => ({ value: x, label: t(`practices.themes.${x}`) }))} />
      </Form.Item>
      <Form.Item label={t("matching.filters.size")} htmlFor="cp-size">
        <Select id="cp-size" allowClear placeholder={t("matching.filters.any")} value={query.size ?? null} style={{ width: 200 }} data-testid="filter-size"
          onChange={(v) => update({ size: v ?? undefined })}
          options={SIZES.map((x) => ({ value: x, label: t(`matching.filters.sizes.${x}`) }))} />
      </Form.Item>
      {anyFilter && <Button onClick={() => update({ region: undefined, country: undefined, theme: undefined, size: undefined })}>{t("matching.filters.clear")}</Button>}
    </Form>
  );

  let body;
  if (r.error) body = <ErrorState error={r.error} onRetry={() => void r.refetch()} />;
  else if (!r.data) body = <Loading rows={6} />;
  else if (r.data.coverage.indicators === 0) body = <Empty description={t("matching.empty", { city: cityLabel })} data-testid="counterparts-empty" />;
  else if (r.data.results.length === 0) body = <Empty description={t("matching.noResults")} data-testid="counterparts-none" />;
  else {
    body = (
      <Space orientation="vertical" size="small" style={{ width: "100%" }} data-testid="counterparts-family">
        {r.data.results.map((x, i) => (
          <CounterpartCard key={x.city} r={x} cityLabel={cityLabel} indicatorName={indicatorName} sources={sources.data?.items} open={i === 0} />
        ))}
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="counterparts-tab">
      <Typography.Text type="secondary">{t("matching.intro", { city: cityLabel })}</Typography.Text>
      {filters}
      {r.data && (
        <Typography.Text type="secondary" data-testid="counterparts-coverage">
          {t("matching.cityCoverage", { city: cityLabel, indicators: r.data.coverage.indicators, known: r.data.coverage.context })}
        </Typography.Text>
      )}
      {body}
      {r.data && <MethodPanel method={r.data.method} />}
    </Space>
  );
}
