import { useEffect, useMemo, useState } from "react";
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { api, cityName, type City } from "../api";
import { readableAdmin1 } from "../components/CityFacts";
import { ErrorState } from "../components/States";
import { countryName, countryNames } from "../countries";
import { formatNumber, useLang } from "../lang";
import { regionName } from "../regions";
import { CityName } from "../components/Orig";

const PAGE = 50;
const MAX_COMPARE = 4;

interface Filters { q: string; country: string; minPopulation: number | null }

function readFilters(p: URLSearchParams): Filters {
  const min = Number(p.get("min_population"));
  return { q: p.get("q") ?? "", country: p.get("country") ?? "", minPopulation: p.get("min_population") && Number.isFinite(min) ? min : null };
}

export default function CitiesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [draft, setDraft] = useState<Filters>(filters);
  const [selected, setSelected] = useState<string[]>([]);
  const paramKey = params.toString();
  // Back/forward or a shared link changes the URL: show its filters in the form.
  useEffect(() => { setDraft(readFilters(new URLSearchParams(paramKey))); }, [paramKey]);

  const query = useInfiniteQuery({
    queryKey: ["cities", filters],
    queryFn: ({ pageParam, signal }) => api.cities({ ...filters, limit: PAGE, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const countryOptions = useMemo(
    () => Object.entries(countryNames(lang)).map(([code, name]) => ({ value: code, label: `${name} (${code})` })).sort((a, b) => a.label.localeCompare(b.label, lang === "zh" ? "zh-CN" : "en")),
    [lang],
  );

  const apply = (f: Filters) => {
    const next: Record<string, string> = {};
    if (f.q.trim()) next.q = f.q.trim();
    if (f.country) next.country = f.country;
    if (f.minPopulation !== null) next.min_population = String(f.minPopulation);
    setParams(next);
  };
  const reset = () => { const empty = { q: "", country: "", minPopulation: null }; setDraft(empty); apply(empty); };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap align="center" style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t("cities.title")}</Typography.Title>
        <Link to="/import" data-testid="cities-import-link">{t("cities.importLink")}</Link>
      </Space>
      <Card size="small">
        <Form layout="inline" onFinish={() => apply(draft)} data-testid="cities-filters" style={{ rowGap: 8 }}>
          <Form.Item label={t("cities.q")} htmlFor="f-q">
            <Input id="f-q" data-testid="filter-q" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label={t("cities.country")} htmlFor="f-country">
            <Select id="f-country" data-testid="filter-country" value={draft.country || undefined} allowClear placeholder={t("cities.anyCountry")}
              onChange={(v?: string) => setDraft({ ...draft, country: v ?? "" })} options={countryOptions} showSearch={{ optionFilterProp: "label" }} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label={t("cities.minPopulation")} htmlFor="f-min">
            <InputNumber<number> id="f-min" data-testid="filter-min-population" min={0} step={100000} value={draft.minPopulation}
              onChange={(v) => setDraft({ ...draft, minPopulation: v ?? null })} style={{ width: 150 }}
              formatter={(v) => (v === undefined || String(v) === "" ? "" : formatNumber(Number(v), lang))}
              parser={(v) => Number((v ?? "").replace(/[^\d]/g, "")) } />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="filter-apply">{t("cities.apply")}</Button>
              <Button onClick={reset}>{t("cities.reset")}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Space wrap align="center">
        <Button type="primary" disabled={selected.length < 2 || selected.length > MAX_COMPARE} data-testid="compare-button"
          onClick={() => navigate(`/compare?c=${selected.join(",")}`)}>
          {t("cities.compare")} ({selected.length})
        </Button>
        <Typography.Text type="secondary" aria-live="polite">
          {selected.length ? t("cities.selected", { count: selected.length }) : t("cities.compareHint")}
          {selected.length >= MAX_COMPARE ? ` · ${t("cities.tooMany")}` : ""}
        </Typography.Text>
      </Space>
      {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : (
        <>
          <Table<City>
            data-testid="cities-table"
            rowKey="slug"
            size="middle"
            loading={query.isLoading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: query.isLoading ? " " : t("cities.empty") }}
            rowSelection={{
              selectedRowKeys: selected,
              preserveSelectedRowKeys: true,
              hideSelectAll: true,
              onChange: (keys) => setSelected(keys.map(String).slice(0, MAX_COMPARE)),
              getCheckboxProps: (c) => ({
                disabled: !selected.includes(c.slug) && selected.length >= MAX_COMPARE,
                "aria-label": cityName(c.names, lang),
                "data-testid": `select-${c.slug}`,
              } as object),
            }}
            columns={[
              { title: t("cities.name"), key: "name", render: (_, c) => <Link to={`/cities/${c.slug}`} data-testid={`city-link-${c.slug}`}><CityName names={c.names} /></Link> },
              { title: lang === "zh" ? t("city.nameEn") : t("cities.nameZh"), key: "other", render: (_, c) => <span lang={lang === "zh" ? "en" : "zh-CN"}>{(lang === "zh" ? c.names.en : c.names.zh) ?? ""}</span> },
              { title: t("cities.country"), key: "country", render: (_, c) => countryName(c.country, lang) },
              { title: t("cities.region"), key: "region", render: (_, c) => (readableAdmin1(c.admin1) ? <span lang="en">{readableAdmin1(c.admin1)}</span> : regionName(c.region, lang) ?? "") },
              { title: t("cities.population"), key: "population", align: "right", render: (_, c) => c.population.value === null ? t("common.notYetReported") : formatNumber(c.population.value, lang) },
            ]}
          />
          <Space align="center">
            <Typography.Text type="secondary">{t("cities.shown", { count: rows.length })}</Typography.Text>
            {query.hasNextPage && (
              <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid="load-more">{t("cities.loadMore")}</Button>
            )}
          </Space>
          {selected.length > MAX_COMPARE && <Alert type="warning" title={t("cities.tooMany")} />}
        </>
      )}
    </Space>
  );
}
