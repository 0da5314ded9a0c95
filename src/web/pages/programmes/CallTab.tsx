import { useState } from "react";
import { Alert, Button, Card, Empty, Space, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { ErrorState, Loading } from "../../components/States";
import { formatPeriod, useLang } from "../../lang";
import { type Call, programmesApi } from "../../programmes/api";
import { useProgramme } from "../../programmes/useProgramme";
import { ApplicationForm } from "../../programmes/ApplicationForm";
import { ApplicationsTable } from "../../programmes/ApplicationsTable";
import { CallForm } from "../../programmes/CallForm";
import { pickText, rulesInWords } from "../../programmes/ui";
import { Can, path, SignInToEdit, useCan, write } from "../../account/permissions";

/** "Call & applications": the calls with deadline and open/closed, a new call, the application form and the screening table. */
export default function CallTab({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Call | null>(null);
  // Calls belong to the programme: one check covers new and edited calls.
  const mayCall = useCan(write("POST", path("programmes", programmeId, "calls")));
  const programme = useProgramme(programmeId);
  const calls = useQuery({ queryKey: ["programme-calls", programmeId], queryFn: ({ signal }) => programmesApi.calls(programmeId, signal) });
  const error = programme.error ?? calls.error;
  if (error) return <ErrorState error={error} onRetry={() => { void programme.refetch(); void calls.refetch(); }} />;
  if (!programme.data || !calls.data) return <Loading rows={6} />;
  const list = calls.data.calls;
  const selected: Call | undefined = list.find((c) => c.id === params.get("call")) ?? list[0];
  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    next.set("tab", "call");
    next.set("call", id);
    setParams(next, { replace: true });
  };
  const title = (c: Call) => pickText(c.titles, lang)?.text ?? c.titles.en;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="call-tab">
      <Card size="small" title={t("programmes.call.title")}
        extra={<Can check={write("POST", path("programmes", programmeId, "calls"))} signInHint><Button type="primary" onClick={() => setCreating(true)} data-testid="new-call">{t("programmes.call.new")}</Button></Can>}>
        {list.length === 0 ? <Empty description={t("programmes.call.empty")} data-testid="calls-empty" /> : (
          <ItemList<Call>
            dataSource={list}
            data-testid="call-list"
            renderItem={(c) => {
              const rules = rulesInWords(c.eligibility, [], lang, t);
              const side = c.side ? programme.data.sides.find((s) => s.key === c.side) : null;
              return (
                <ItemList.Item data-testid={`call-${c.id}`} style={{ background: c.id === selected?.id ? "#eef4fb" : undefined, paddingInline: 8 }}
                  actions={[...(mayCall?.allowed ? [<Button key="edit" size="small" onClick={() => setEditing(c)} aria-label={`${t("programmes.call.edit")}: ${title(c)}`} data-testid={`edit-call-${c.id}`}>{t("programmes.call.editShort")}</Button>] : []), <Button key="open" type={c.id === selected?.id ? "primary" : "default"} size="small" onClick={() => choose(c.id)} aria-pressed={c.id === selected?.id} data-testid={`choose-call-${c.id}`}>{t("programmes.application.title")} ({c.applicationCount ?? 0})</Button>]}>
                  <ItemList.Item.Meta
                    title={<Space wrap>{title(c)}<Tag color={c.open ? "green" : "default"} data-testid={`call-state-${c.id}`}>{c.open ? t("programmes.call.open") : t("programmes.call.closed")}</Tag></Space>}
                    description={
                      <Typography.Text type="secondary">
                        {t("programmes.call.deadline")}: {formatPeriod(c.deadline, lang)}
                        {c.opensOn && ` · ${t("programmes.call.opensOn")}: ${formatPeriod(c.opensOn, lang)}`}
                        {` · ${t("programmes.call.side")}: ${side ? (lang === "zh" ? side.names.zh ?? side.names.en : side.names.en) : t("programmes.call.bothSides")}`}
                        {rules.length > 0 && ` · ${rules.join("; ")}`}
                      </Typography.Text>
                    }
                  />
                </ItemList.Item>
              );
            }}
          />
        )}
      </Card>
      {selected && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }} data-testid="selected-call-title">{t("programmes.call.applicationsOf", { call: title(selected) })}</Typography.Title>
          {selected.open ? <ApplyPart call={selected} /> : (
            <Alert type="info" showIcon data-testid="call-closed-notice" title={t("programmes.call.closedNotice", { deadline: formatPeriod(selected.deadline, lang) })} />
          )}
          <ApplicationsTable key={`t-${selected.id}`} call={selected} />
        </>
      )}
      <CallForm programme={programme.data} open={creating} onClose={() => setCreating(false)} onCreated={(c) => choose(c.id)} />
      {editing && <CallForm key={`${editing.id}-${editing.version}`} programme={programme.data} call={editing} open onClose={() => setEditing(null)} onCreated={(c) => choose(c.id)} />}
    </Space>
  );
}

/** The application form for signed-in visitors (a city applies through its editors, checked on submit by city); "Sign in to edit" for others. */
function ApplyPart({ call }: { call: Call }) {
  const may = useCan(write("POST", path("calls", call.id, "applications")));
  if (!may) return null;
  if (may.needs === "sign-in") return <SignInToEdit testId="apply-sign-in" />;
  return <ApplicationForm key={call.id} call={call} />;
}
