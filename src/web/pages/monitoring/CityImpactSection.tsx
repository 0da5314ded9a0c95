import { Card, Empty, Space, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { cityName } from "../../api";
import { ErrorState, Loading } from "../../components/States";
import type { Cooperation } from "../../cooperations/api";
import { useLang } from "../../lang";
import { impactListsApi, type ImpactIndicatorYears } from "../../monitoring/impact-api";
import ImpactEvaluationCard from "./ImpactEvaluationCard";
import { unitName } from "../../units";

const span = (ys: number[]) => (ys.length === 0 ? "—" : ys.length === 1 ? String(ys[0]) : `${ys[0]}–${ys[ys.length - 1]}`);

/** One cooperation of the city: the impact card for the city, limited to the indicators it can evaluate. */
function CooperationImpact({ cooperation, slug }: { cooperation: Cooperation; slug: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const start = cooperation.startDate ? Number(cooperation.startDate.slice(0, 4)) : null;
  const q = useQuery({
    queryKey: ["impact-indicators", slug, start],
    queryFn: ({ signal }) => impactListsApi.indicators(slug, start!, signal),
    enabled: start !== null,
    staleTime: 5 * 60_000,
  });
  const member = cooperation.members.find((m) => m.slug === slug);
  const city = member ? cityName(member.names, lang) : slug;
  const coopName = lang === "zh" ? cooperation.names.zh ?? cooperation.names.en : cooperation.names.en;
  const title = t("impact.cityCardTitle", { cooperation: coopName, city });
  const testId = `city-impact-${cooperation.id}`;
  if (start === null) {
    return <Card title={title} data-testid={testId}><Typography.Text type="secondary">{t("impact.noStart")}</Typography.Text></Card>;
  }
  if (q.isLoading) return <Card title={title} data-testid={testId}><Loading rows={3} /></Card>;
  if (q.error || !q.data) return <Card title={title} data-testid={testId}><ErrorState error={q.error} onRetry={() => void q.refetch()} /></Card>;
  const usable = q.data.indicators.filter((i) => i.evaluable);
  if (usable.length === 0) {
    return (
      <Card title={title} data-testid={testId}>
        <Empty data-testid="impact-not-enough-years" description={t("impact.notEnoughYears", { city, start })} />
        {q.data.indicators.length > 0 && (
          <ItemList size="small" dataSource={q.data.indicators} renderItem={(i: ImpactIndicatorYears) => (
            <ItemList.Item>{t("impact.yearsOf", { indicator: i.names[lang], years: span(i.years) })}</ItemList.Item>
          )} />
        )}
      </Card>
    );
  }
  const options = usable.map((i) => ({
    value: i.code,
    label: `${i.names[lang]}${unitName(i.unit, lang) ? ` (${unitName(i.unit, lang)})` : ""} · ${t("impact.yearsBefore", { pre: i.preYears, post: i.postYears, start })}${i.enough ? "" : ` · ${t("impact.fewYears")}`}`,
  }));
  return (
    <ImpactEvaluationCard
      key={slug}
      cooperation={cooperation}
      city={slug}
      indicatorOptions={options}
      defaultIndicator={(usable.find((i) => i.enough) ?? usable[0])!.code}
      title={title}
      testId={testId}
    />
  );
}

/**
 * The city page's impact evaluations: for each cooperation the city is a member of, the
 * synthetic-control chart of the city from the cooperation's start (the Monitoring tab's card).
 */
export default function CityImpactSection({ slug, cooperations }: { slug: string; cooperations: Cooperation[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="city-impact-heading" data-testid="city-impact">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <div>
          <Typography.Title level={2} id="city-impact-heading" style={{ fontSize: 20, margin: 0 }}>{t("impact.citySection")}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t("impact.citySectionIntro")}</Typography.Paragraph>
        </div>
        {cooperations.map((c) => <CooperationImpact key={c.id} cooperation={c} slug={slug} />)}
      </Space>
    </section>
  );
}
