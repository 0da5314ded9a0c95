/** Pieces shared by the public showcase pages. */
import { Space, Tag, Typography } from "antd";
import { ItemList } from "../components/ItemList";
import { useTranslation } from "react-i18next";
import type { Lang } from "../api";
import { KPI_STATUSES, type MonActivity, type MonSource } from "./api";
import { KpiLight, Txt } from "./ui";
import { FreeText, Orig } from "../components/Orig";
import { formatPeriod } from "../lang";

export function ActivityList({ activities, lang, testId }: { activities: MonActivity[]; lang: Lang; testId?: string }) {
  const { t } = useTranslation();
  if (activities.length === 0) return <Typography.Text type="secondary" italic>{t("common.notYetReported")}</Typography.Text>;
  return (
    <ItemList
      size="small"
      data-testid={testId}
      dataSource={activities}
      renderItem={(a) => (
        <ItemList.Item key={a.id}>
          <Space orientation="vertical" size={0}>
            <span><Typography.Text strong>{formatPeriod(a.startDate, lang)}{a.endDate && a.endDate !== a.startDate ? ` – ${formatPeriod(a.endDate, lang)}` : ""}</Typography.Text> · <Txt names={a.titles} lang={lang} />{a.place ? <> · <FreeText text={a.place} /></> : ""}{a.programmeWide && <> <Tag>{t("work.activities.programmeWide")}</Tag></>}</span>
            {a.outputs.length > 0 && (
              <span>
                <Typography.Text type="secondary">{t("monitoring.showcase.outputs")}: </Typography.Text>
                {a.outputs.map((o) => <Tag key={o.id} color="green"><Txt names={o.titles} lang={lang} />{o.date ? ` (${formatPeriod(o.date, lang)})` : ""}</Tag>)}
              </span>
            )}
          </Space>
        </ItemList.Item>
      )}
    />
  );
}

/** KPI lights with counts and "n of m actions done". */
export function MonitoringSummary({ kpiCounts, actionsByStatus, testId }: { kpiCounts: Record<string, number>; actionsByStatus: Record<string, number>; testId?: string }) {
  const { t } = useTranslation();
  const total = Object.entries(actionsByStatus).filter(([s]) => s !== "cancelled").reduce((a, [, n]) => a + n, 0);
  const kpis = KPI_STATUSES.filter((s) => (kpiCounts[s] ?? 0) > 0);
  return (
    <Space wrap size={6} data-testid={testId}>
      <Typography.Text>{t("monitoring.showcase.actionsDone", { done: actionsByStatus.done ?? 0, total })}</Typography.Text>
      <Typography.Text type="secondary">· {t("monitoring.showcase.kpiSummary")}:</Typography.Text>
      {kpis.length === 0 ? <Typography.Text type="secondary" italic>{t("common.notYetReported")}</Typography.Text> : kpis.map((s) => <span key={s}><KpiLight status={s} /> {kpiCounts[s]}</span>)}
    </Space>
  );
}

export function Sources({ sources }: { sources: MonSource[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return null;
  return (
    <div className="cb-sources" data-testid="showcase-sources">
      <Typography.Text type="secondary" strong>{t("common.sources")}:</Typography.Text>
      <ul>{sources.map((s) => <li key={s.id}><Typography.Text type="secondary"><Orig>{s.citation}</Orig>{s.url && /^https?:\/\//i.test(s.url) && <> · <a href={s.url} target="_blank" rel="noreferrer" lang="en">{s.url}</a></>}</Typography.Text></li>)}</ul>
    </div>
  );
}
