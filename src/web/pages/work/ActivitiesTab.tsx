import { useState } from "react";
import {
  CarOutlined, CommentOutlined, EllipsisOutlined, ReadOutlined, ShopOutlined, SwapOutlined, TeamOutlined, ToolOutlined, VideoCameraOutlined,
} from "@ant-design/icons";
import { App, Button, Empty, Popconfirm, Space, Tag, Timeline, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Cooperation } from "../../cooperations/api";
import { ErrorState, Loading } from "../../components/States";
import { formatPeriod, useLang } from "../../lang";
import { type Activity, type ActivityKind, workApi } from "../../work/api";
import { ActivityForm } from "./ActivityForm";
import { LangText } from "./LangText";
import { Can, path, useCan, write } from "../../account/permissions";
import { OutputForm } from "./OutputForm";
import { FreeText } from "../../components/Orig";

const KIND_ICONS: Record<ActivityKind, React.ReactNode> = {
  study_visit: <CarOutlined />, business_roundtable: <ShopOutlined />, workshop: <ToolOutlined />, webinar: <VideoCameraOutlined />, staff_exchange: <SwapOutlined />,
  training: <ReadOutlined />, conference: <TeamOutlined />, forum: <CommentOutlined />, other: <EllipsisOutlined />,
};

function ActivityItem({ a, cooperationId, editable: own }: { a: Activity; cooperationId: string; editable: boolean }) {
  const { t } = useTranslation();
  const may = useCan(own ? write("DELETE", path("activities", a.id)) : null);
  const editable = own && !!may?.allowed;
  const lang = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const L = (k: string) => t(`work.activities.${k}`);
  const refresh = () => void qc.invalidateQueries({ queryKey: ["work-activities", cooperationId] });
  const remove = useMutation({ mutationFn: () => workApi.deleteActivity(a.id), onSuccess: refresh, onError: (e) => void message.error(e.message) });
  const removeOutput = useMutation({ mutationFn: (id: string) => workApi.deleteOutput(id), onSuccess: refresh, onError: (e) => void message.error(e.message) });
  return (
    <div data-testid={`activity-${a.id}`} className="work-activity">
      <Space wrap size={4}>
        <Tag icon={KIND_ICONS[a.kind]} color="blue" data-testid="activity-kind-tag">{t(`work.activityKinds.${a.kind}`)}</Tag>
        {a.cooperationId === null && <Tag>{L("programmeWide")}</Tag>}
        <LangText value={a.titles} strong testId="activity-title" />
      </Space>
      <div>
        <Typography.Text type="secondary">{L("place")}: </Typography.Text>
        {a.place ? <FreeText text={a.place} /> : <Typography.Text type="secondary">{t("work.notReported")}</Typography.Text>}
      </div>
      <div data-testid="activity-organisations">
        <Typography.Text type="secondary">{L("organisations")}: </Typography.Text>
        {a.organisations.length === 0
          ? <Typography.Text type="secondary">{t("work.notReported")}</Typography.Text>
          : a.organisations.map((o) => <Tag key={o.id}>{lang === "zh" ? o.names.zh ?? o.names.en : o.names.en} · {t(`work.organisationKinds.${o.kind}`)}</Tag>)}
      </div>
      <div data-testid="activity-outputs">
        <Typography.Text type="secondary">{L("outputs")}: </Typography.Text>
        {a.outputs.length === 0 && <Typography.Text type="secondary">{L("noOutputs")}</Typography.Text>}
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {a.outputs.map((o) => (
            <li key={o.id} data-testid={`output-${o.kind}`}>
              <Tag color="green">{t(`work.outputKinds.${o.kind}`)}</Tag>
              {o.url ? <a href={o.url} target="_blank" rel="noopener noreferrer">{lang === "zh" ? o.titles.zh ?? o.titles.en : o.titles.en}</a> : <LangText value={o.titles} />}
              {o.date && <Typography.Text type="secondary"> · {formatPeriod(o.date, lang)}</Typography.Text>}
              {editable && (
                <Popconfirm title={t("work.delete")} onConfirm={() => removeOutput.mutate(o.id)} okText={t("work.delete")} cancelText={t("work.cancel")}>
                  <Button type="link" size="small" danger>{t("work.delete")}</Button>
                </Popconfirm>
              )}
            </li>
          ))}
        </ul>
      </div>
      {a.sources.length > 0 && (
        <div><Typography.Text type="secondary">{L("sources")}: </Typography.Text>{a.sources.map((s) => (s.url ? <a key={s.id} href={s.url} target="_blank" rel="noopener noreferrer" lang="en">{s.citation} </a> : <span key={s.id} lang="en">{s.citation} </span>))}</div>
      )}
      {editable && (adding
        ? <OutputForm activityId={a.id} cooperationId={cooperationId} onDone={() => setAdding(false)} />
        : (
          <Space>
            <Button size="small" onClick={() => setAdding(true)} data-testid="output-add">{L("addOutput")}</Button>
            <Popconfirm title={L("deleteConfirm")} onConfirm={() => remove.mutate()} okText={t("work.delete")} cancelText={t("work.cancel")}>
              <Button size="small" danger>{t("work.delete")}</Button>
            </Popconfirm>
          </Space>
        ))}
    </div>
  );
}

/** The cooperation's activities on a timeline (with the programme-wide ones), their outputs, and the form to record one. */
export default function ActivitiesTab({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const own = useQuery({ queryKey: ["work-activities", cooperation.id], queryFn: ({ signal }) => workApi.activities(cooperation.id, signal) });
  const programme = useQuery({
    queryKey: ["work-programme-activities", cooperation.programmeId],
    queryFn: ({ signal }) => workApi.programmeActivities(cooperation.programmeId ?? "", signal),
    enabled: cooperation.programmeId !== null,
  });
  if (own.isLoading) return <Loading />;
  if (own.error) return <ErrorState error={own.error} onRetry={() => void own.refetch()} />;
  const wide = (programme.data?.items ?? []).filter((a) => a.cooperationId === null);
  const items = [...(own.data?.items ?? []), ...wide].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  const range = (a: Activity) => (a.endDate && a.endDate !== a.startDate ? `${formatPeriod(a.startDate, lang)} – ${formatPeriod(a.endDate, lang)}` : formatPeriod(a.startDate, lang));
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="activities-tab">
      <Typography.Title level={4}>{t("work.activities.title")}</Typography.Title>
      {items.length === 0
        ? <Empty description={t("work.activities.none")} data-testid="activities-empty" />
        : (
          <section aria-label={t("work.activities.timelineAria")} data-testid="activities-timeline">
            <Timeline
              mode="start"
              titleSpan="200px"
              items={items.map((a) => ({
                key: a.id,
                icon: KIND_ICONS[a.kind],
                color: a.cooperationId === null ? "gray" : "blue",
                title: <span data-testid="activity-date">{range(a)}</span>,
                content: <ActivityItem a={a} cooperationId={cooperation.id} editable={a.cooperationId === cooperation.id} />,
              }))}
            />
          </section>
        )}
      <Can check={write("POST", path("cooperations", cooperation.id, "activities"))} signInHint><ActivityForm cooperationId={cooperation.id} /></Can>
    </Space>
  );
}
