import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import { Alert, Card, Col, Collapse, Descriptions, Row, Select, Space, Table, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api";
import type { Cooperation } from "../../cooperations/api";
import { EChart } from "../../components/EChart";
import { Loading } from "../../components/States";
import { formatNumber, useLang } from "../../lang";
import { pick } from "../../monitoring/api";
import { impactApi } from "../../monitoring/impact-api";
import { gapsOption, levelsOption } from "../../monitoring/impact-charts";
import { useIndicators } from "../../queries";
import { unitName } from "../../units";

const DEFAULT_INDICATOR = "ghg.co2_total";

export interface ImpactEvaluationCardProps {
  cooperation: Cooperation;
  /** Evaluate this member only, without a city picker (the city page). */
  city?: string;
  /** The indicators to pick from (default: the whole catalogue). */
  indicatorOptions?: { value: string; label: string }[];
  /** The indicator shown first (default: `?impactIndicator=` of the page, else CO2). */
  defaultIndicator?: string;
  title?: ReactNode;
  testId?: string;
}

/**
 * "Did the cooperation move the numbers?": synthetic-control evaluation of a member city's
 * indicator from the cooperation's start — actual vs synthetic with the start marked, the gap
 * against the placebo cities' gaps drawn faintly behind, donors and weights, the verdict in words.
 * On a cooperation's Monitoring tab, `?impactCity=&impactIndicator=` preselect the member and
 * indicator (the programme's impact table links there) and bring the card into view.
 */
export default function ImpactEvaluationCard({ cooperation, city: fixedCity, indicatorOptions, defaultIndicator, title, testId = "impact-card" }: ImpactEvaluationCardProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const indicators = useIndicators();
  const [params] = useSearchParams();
  const linkedCity = params.get("impactCity");
  const linkedIndicator = params.get("impactIndicator");
  const ids = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [pickedCity, setCity] = useState(
    linkedCity && cooperation.members.some((m) => m.slug === linkedCity) ? linkedCity : cooperation.members[0]?.slug ?? "",
  );
  const city = fixedCity ?? pickedCity;
  const [indicator, setIndicator] = useState(defaultIndicator ?? (fixedCity === undefined ? linkedIndicator : null) ?? DEFAULT_INDICATOR);
  useEffect(() => {
    if (fixedCity === undefined && linkedCity) ref.current?.scrollIntoView?.({ block: "start" });
  }, [fixedCity, linkedCity]);
  const q = useQuery({
    queryKey: ["impact", cooperation.id, city, indicator],
    queryFn: ({ signal }) => impactApi.cooperation(cooperation.id, city, indicator, signal),
    enabled: !!cooperation.startDate && !!city,
    retry: false,
    staleTime: 5 * 60_000,
  });
  const r = q.data;
  const levels = useMemo(() => (r ? levelsOption(r, lang, t) : null), [r, lang, t]);
  const gaps = useMemo(() => (r ? gapsOption(r, lang, t) : null), [r, lang, t]);
  const start = cooperation.startDate?.slice(0, 4) ?? "";
  const name = (slug: string) => r?.names[slug]?.[lang] ?? slug;

  return (
    <Card title={title ?? t("impact.title")} data-testid={testId} ref={ref}>
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{cooperation.startDate ? t("impact.intro", { start }) : t("impact.noStart")}</Typography.Paragraph>
        <Space wrap>
          {fixedCity === undefined && (
            <>
              <label htmlFor={`${ids}-city`}>{t("impact.city")}</label>
              <Select id={`${ids}-city`} style={{ minWidth: 200 }} value={city} onChange={setCity} data-testid="impact-city"
                options={cooperation.members.map((m) => ({ value: m.slug, label: pick(m.names, lang).text }))} />
            </>
          )}
          <label htmlFor={`${ids}-indicator`}>{t("impact.indicator")}</label>
          <Select id={`${ids}-indicator`} style={{ minWidth: 260 }} value={indicator} onChange={setIndicator} data-testid="impact-indicator" showSearch={{ optionFilterProp: "label" }}
            options={indicatorOptions ?? (indicators.data?.items ?? [{ code: DEFAULT_INDICATOR, names: { en: DEFAULT_INDICATOR, zh: DEFAULT_INDICATOR }, unit: "" }]).map((i) => ({ value: i.code, label: `${i.names[lang]}${unitName(i.unit, lang) ? ` (${unitName(i.unit, lang)})` : ""}` }))} />
        </Space>
        {q.isLoading && <Loading rows={3} />}
        {q.error && (
          <Alert type="info" showIcon data-testid="impact-unavailable" title={t("impact.unavailable")}
            description={q.error instanceof ApiError ? q.error.message : String(q.error)} />
        )}
        {r && levels && gaps && (
          <>
            <Alert type={r.warnings.length ? "warning" : "info"} showIcon data-testid="impact-verdict" title={r.verdict[lang]} />
            <Typography.Text type="secondary" data-testid="impact-window">
              {t("impact.window", { from: r.preFrom, to: r.years[r.years.length - 1], donors: r.donors.length })}
            </Typography.Text>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <EChart testId="impact-levels-chart" option={levels} height={300}
                  ariaLabel={t("impact.levelsAria", { city: r.city.names[lang], indicator: r.indicator.names[lang], unit: unitName(r.indicator.unit, lang), from: r.years[0], to: r.years[r.years.length - 1], start: r.start })} />
              </Col>
              <Col xs={24} lg={12}>
                <div data-testid="impact-gaps-wrap" data-placebos={r.placebo.runs.length}>
                  <EChart testId="impact-gaps-chart" option={gaps} height={300} ariaLabel={t("impact.gapsAria", { city: r.city.names[lang], n: r.placebo.runs.length })} />
                </div>
              </Col>
            </Row>
            {r.warnings.length > 0 && (
              <Card size="small" title={t("impact.warnings")} data-testid="impact-warnings">
                <ItemList size="small" dataSource={r.warnings} renderItem={(w) => <ItemList.Item data-testid={`impact-warning-${w.code}`}>{w[lang]}</ItemList.Item>} />
              </Card>
            )}
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={10}>
                <Table size="small" rowKey="unit" pagination={false} data-testid="impact-weights" title={() => t("impact.donors")} dataSource={r.weights}
                  columns={[
                    { title: t("impact.donor"), key: "unit", render: (_, w) => <Link to={`/cities/${unitName(w.unit, lang)}`}>{name(unitName(w.unit, lang))}</Link> },
                    { title: t("impact.weight"), key: "weight", align: "right", render: (_, w) => `${formatNumber(w.weight * 100, lang)} %` },
                  ]} />
              </Col>
              <Col xs={24} lg={14}>
                <Descriptions size="small" column={1} bordered title={t("impact.figures")} data-testid="impact-figures"
                  items={[
                    { key: "pre", label: t("impact.preRmspe"), children: `${formatNumber(r.preRmspe, lang)} ${unitName(r.indicator.unit, lang)}` },
                    { key: "post", label: t("impact.postRmspe"), children: `${formatNumber(r.postRmspe, lang)} ${unitName(r.indicator.unit, lang)}` },
                    { key: "ratio", label: t("impact.ratio"), children: formatNumber(r.ratio, lang) },
                    { key: "p", label: t("impact.pValue"), children: t("impact.pValueText", { rank: r.placebo.rank, of: r.placebo.of, p: formatNumber(r.placebo.pValue, lang) }) },
                    { key: "did", label: t("impact.did"), children: `${formatNumber(r.did.estimate, lang)} ${unitName(r.indicator.unit, lang)}` },
                  ]} />
              </Col>
            </Row>
            {r.excludedDonors.length > 0 && (
              <Collapse size="small" data-testid="impact-excluded" items={[{
                key: "x",
                label: t("impact.excluded", { count: r.excludedDonors.length }),
                children: (
                  <ItemList size="small" dataSource={r.excludedDonors} renderItem={(x) => (
                    <ItemList.Item><Typography.Text type="secondary">{t(`impact.reason.${x.reason}`)}</Typography.Text>{" — "}{x[lang]}</ItemList.Item>
                  )} />
                ),
              }]} />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
