import { Card, Empty, Space, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorState, Loading } from "../../components/States";
import { SourceList } from "../../components/SourceList";
import { countryName } from "../../countries";
import { formatNumber, formatPeriod, useLang } from "../../lang";
import { useSources } from "../../queries";
import { type CityGap, pick, practicesApi } from "../../practices-api";
import { unitName } from "../../units";

/** The city page's "Practices for its gaps" tab: the city's worst gaps to reference values and the practices that address them, with reasons. */
export function CityPracticesTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sources = useSources();
  const r = useQuery({ queryKey: ["practices-for-city", slug], queryFn: ({ signal }) => practicesApi.forCity(slug, signal) });
  if (r.error) return <ErrorState error={r.error} onRetry={() => void r.refetch()} />;
  if (!r.data) return <Loading rows={6} />;
  const { gaps, practices } = r.data;
  const gapOf = new Map(gaps.map((g) => [g.indicator.code, g]));
  const indicatorName = (code: string) => gapOf.get(code)?.indicator.names[lang] ?? code;
  const line = (g: CityGap) =>
    t("practices.gaps.gapLine", {
      indicator: g.indicator.names[lang],
      value: formatNumber(g.observation.value, lang),
      unit: unitName(g.indicator.unit, lang),
      period: formatPeriod(g.observation.period, lang),
      ratio: formatNumber(g.ratio, lang),
      reference:
        g.reference.kind === "reference"
          ? t("practices.gaps.referenceValue", { label: g.reference.label?.[lang] ?? "", value: formatNumber(g.reference.value, lang), unit: unitName(g.indicator.unit, lang) })
          : t("practices.gaps.medianValue", { peers: formatNumber(g.reference.peers, lang), value: formatNumber(g.reference.value, lang), unit: unitName(g.indicator.unit, lang) }),
    });
  if (gaps.length === 0) return <Empty description={t("practices.gaps.none")} data-testid="gaps-none" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="city-practices">
      <Typography.Text type="secondary">{t("practices.gaps.intro")}</Typography.Text>
      <Card size="small" title={t("practices.gaps.gapsTitle")} data-testid="city-gaps">
        <ul style={{ margin: 0, paddingLeft: 20 }}>{gaps.map((g) => <li key={g.indicator.code}>{line(g)}</li>)}</ul>
        <SourceList
          ids={[...gaps.map((g) => g.observation.source), ...gaps.flatMap((g) => (g.reference.source ? [g.reference.source] : []))]}
          sources={sources.data?.items}
        />
      </Card>
      <Card size="small" title={t("practices.gaps.practicesTitle")}>
        {practices.length === 0 ? <Empty description={t("practices.gaps.noPractices")} /> : (
          <ItemList
            dataSource={practices}
            data-testid="gap-practices"
            renderItem={(p) => (
              <ItemList.Item key={p.id} data-testid={`gap-practice-${p.id}`}>
                <div>
                  <Link to={`/practices/${p.id}`} style={{ fontWeight: 600 }} lang={pick(p.title, lang).fallback ? "en" : undefined}>{pick(p.title, lang).text}</Link>{" "}
                  <Typography.Text type="secondary">{lang === "zh" && p.cityZh ? p.cityZh : <span lang="en">{p.city}</span>} · {countryName(p.country, lang)}</Typography.Text>{" "}
                  {p.measured && <Tag color="green">{t("practices.measuredTag")}</Tag>}
                  <div>
                    <Typography.Text type="secondary">{t("practices.gaps.why")}: </Typography.Text>
                    {p.reasons.map((reason, i) => (
                      <span key={i} data-testid="gap-reason">
                        {i > 0 && "; "}
                        {reason.match === "outcome"
                          ? <Trans i18nKey="practices.gaps.reasonOutcome" values={{ indicator: indicatorName(reason.indicator), metric: reason.metric }} components={{ o: <span lang="en" /> }} />
                          : t("practices.gaps.reasonTheme", { indicator: indicatorName(reason.indicator), theme: t(`practices.themes.${gapOf.get(reason.indicator)?.indicator.theme ?? ""}`) })}
                      </span>
                    ))}
                  </div>
                </div>
              </ItemList.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
