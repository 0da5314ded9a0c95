import { useEffect, useState } from "react";
import { Alert, Button, Card, Checkbox, Col, Empty, Input, Pagination, Row, Space, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorState, Loading } from "../../components/States";
import { countryName } from "../../countries";
import { useLang } from "../../lang";
import { regionName } from "../../regions";
import { type FacetCount, pick, practicesApi } from "../../practices-api";
import { Snippet } from "./Snippet";
import { PracticeLibraryTools } from "./PracticeLibraryTools";
import { usePageParam } from "../../components/usePageParam";

const PAGE_SIZE = 20;

const FACETS = ["theme", "country", "region", "measured"] as const;
type Facet = (typeof FACETS)[number];

function FacetGroup({ facet, counts, selected, onToggle }: { facet: Facet; counts: FacetCount[]; selected: string | null; onToggle: (value: string | null) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = (v: string) =>
    facet === "theme" ? t(`practices.themes.${v}`) : facet === "country" ? countryName(v, lang) : facet === "measured" ? t(v === "true" ? "practices.facets.yes" : "practices.facets.no") : facet === "region" ? regionName(v, lang) ?? v : v;
  if (counts.length === 0) return null;
  return (
    <fieldset className="cb-facet" data-testid={`facet-${facet}`}>
      <legend>{t(`practices.facets.${facet}`)}</legend>
      {counts.map((c) => (
        <div key={c.value}>
          <Checkbox checked={selected === c.value} onChange={(e) => onToggle(e.target.checked ? c.value : null)} data-testid={`facet-${facet}-${c.value}`}>
            {label(c.value)} <Typography.Text type="secondary">({c.count})</Typography.Text>
          </Checkbox>
        </div>
      ))}
    </fieldset>
  );
}

/** The practice library: bilingual search box, facets with counts, result cards with highlighted snippets. Filters live in the URL. */
export default function PracticesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const filters = Object.fromEntries(FACETS.map((f) => [f, params.get(f) ?? undefined])) as Record<Facet, string | undefined>;
  const [page, setPage] = usePageParam();
  // A page of results from the API (ranked and counted in the database); the page is in the address.
  const result = useQuery({
    queryKey: ["practices", q, filters, lang, page],
    queryFn: ({ signal }) => practicesApi.search({ q, ...filters, lang, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete("page"); // another query or filter starts at its first page
    setParams(next, { replace: key !== "q" });
  };
  const data = result.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="practices-page">
      <div>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>{t("practices.title")}</Typography.Title>
        <Typography.Text type="secondary">{t("practices.intro")}</Typography.Text>
      </div>
      <PracticeLibraryTools />
      <form role="search" onSubmit={(e) => { e.preventDefault(); set("q", text.trim() || null); }}>
        <Space.Compact style={{ width: "100%", maxWidth: 720 }}>
          <Input
            aria-label={t("practices.search")}
            placeholder={t("practices.searchPlaceholder")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            allowClear
            data-testid="practice-search-input"
          />
          <Button type="primary" htmlType="submit" data-testid="practice-search-button">{t("practices.searchButton")}</Button>
        </Space.Compact>
      </form>
      {result.error ? <ErrorState error={result.error} onRetry={() => void result.refetch()} /> : !data ? <Loading rows={8} /> : (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={6}>
            <Card size="small">
              {FACETS.map((f) => <FacetGroup key={f} facet={f} counts={data.facets[f]} selected={filters[f] ?? null} onToggle={(v) => set(f, v)} />)}
              {FACETS.some((f) => filters[f]) && <Button size="small" onClick={() => { const n = new URLSearchParams(); if (q) n.set("q", q); setParams(n); }}>{t("practices.facets.clear")}</Button>}
            </Card>
          </Col>
          <Col xs={24} md={18}>
            <Typography.Text strong data-testid="practice-count" role="status">{t("practices.found", { count: data.total })}</Typography.Text>
            {data.suggestions.length > 0 && (
              <Alert
                type="info"
                showIcon
                style={{ marginTop: 8 }}
                data-testid="practice-suggestions"
                title={<span>{t("practices.didYouMean")} {data.suggestions.map((s) => <Button key={s} type="link" size="small" onClick={() => set("q", s)}>{s}</Button>)}</span>}
              />
            )}
            {data.results.length === 0 ? <Empty description={t("practices.none")} data-testid="practice-empty" /> : (
              <ItemList
                aria-label={t("practices.resultsAria")}
                data-testid="practice-results"
                dataSource={data.results}
                renderItem={(h) => {
                  const title = pick(h.title, lang);
                  const other = h.title[lang === "en" ? "zh" : "en"];
                  return (
                    <ItemList.Item key={h.id} data-testid={`practice-result-${h.id}`}>
                      <div style={{ width: "100%" }}>
                        <Link to={`/practices/${h.id}`} aria-label={t("practices.open", { title: title.text })} data-testid={`practice-link-${h.id}`} style={{ fontSize: 16, fontWeight: 600 }}>
                          <span lang={title.fallback ? (lang === "zh" ? "en" : "zh-CN") : undefined}>{title.text}</span>
                        </Link>
                        {!title.fallback && other && <Typography.Text type="secondary" lang={lang === "zh" ? "en" : "zh-CN"}> {other}</Typography.Text>}
                        <div>
                          <Typography.Text type="secondary">{lang === "zh" && h.cityZh ? h.cityZh : <span lang="en">{h.city}</span>} · {countryName(h.country, lang)}</Typography.Text>{" "}
                          {h.themes.map((th) => <Tag key={th}>{t(`practices.themes.${th}`)}</Tag>)}
                          <Tag color={h.measured ? "green" : "default"}>{h.measured ? t("practices.measuredTag") : t("practices.notMeasuredTag")}</Tag>
                        </div>
                        <Snippet parts={h.snippet} lang={h.snippetLang ?? undefined} testId={`practice-snippet-${h.id}`} />
                      </div>
                    </ItemList.Item>
                  );
                }}
              />
            )}
            {data.total > PAGE_SIZE && (
              <Pagination
                style={{ marginTop: 12 }}
                data-testid="practice-pages"
                current={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                showSizeChanger={false}
                showTotal={(total, [from, to]) => <span data-testid="practice-range">{t("paging.range", { from, to, total })}</span>}
                onChange={(p) => setPage(p)}
                aria-label={t("paging.pagesOf", { list: t("practices.title") })}
              />
            )}
          </Col>
        </Row>
      )}
    </Space>
  );
}
