import { useState } from "react";
import { Alert, App, Button, Empty, Input, Space, Table, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { ErrorState, Loading } from "../components/States";
import { countryName } from "../countries";
import { formatNumber, useLang } from "../lang";
import { ProblemList } from "../pages/climate/ProblemList";
import { type Application, type Call, conflictCurrent, type DecisionStatus, programmesApi } from "./api";
import { ApplicationStatusTag, NotReported } from "./ui";
import { path, useCan, write } from "../account/permissions";
import { CityName } from "../components/Orig";

/** Accept / decline (or re-check as eligible) one application, with a note; a 409 offers a reload. */
function Decision({ a, onConflict }: { a: Application; onConflict: (current: Application) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [note, setNote] = useState("");
  const decide = useMutation({
    mutationFn: (status: DecisionStatus) => programmesApi.decide(a.id, { status, note: note.trim() || null, version: a.version }),
    onSuccess: () => {
      void message.success(t("programmes.application.decided"));
      void client.invalidateQueries({ queryKey: ["call-applications", a.callId] });
      void client.invalidateQueries({ queryKey: ["programme-applications", a.programmeId] });
    },
    onError: (err) => {
      const current = conflictCurrent<Application>(err);
      if (current) onConflict(current);
    },
  });
  const may = useCan(write("POST", path("applications", a.id, "decision")));
  if (a.status === "accepted" || a.status === "declined" || !may?.allowed) {
    return a.decisionNote ? <Typography.Text type="secondary">{a.decisionNote}</Typography.Text> : null;
  }
  const id = a.city.slug;
  return (
    <Space orientation="vertical" size={4} style={{ width: "100%" }}>
      <Input.TextArea rows={1} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("programmes.application.notePlaceholder")}
        aria-label={t("programmes.application.note")} data-testid={`decision-note-${id}`} />
      <Space wrap>
        {a.status === "eligible" && <Button type="primary" size="small" loading={decide.isPending} onClick={() => decide.mutate("accepted")} data-testid={`accept-${id}`}>{t("programmes.application.accept")}</Button>}
        {a.status === "ineligible" && <Button size="small" onClick={() => decide.mutate("eligible")} data-testid={`recheck-${id}`}>{t("programmes.application.recheckEligible")}</Button>}
        <Button danger size="small" loading={decide.isPending} onClick={() => decide.mutate("declined")} data-testid={`decline-${id}`}>{t("programmes.application.decline")}</Button>
      </Space>
      {decide.error && !conflictCurrent(decide.error) && <ProblemList error={decide.error} testId={`decision-problems-${id}`} />}
    </Space>
  );
}

/** The applications to a call: city, status, each eligibility rule with its reason, and the decision. */
export function ApplicationsTable({ call }: { call: Call }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const [conflict, setConflict] = useState<Application | null>(null);
  const q = useQuery({ queryKey: ["call-applications", call.id], queryFn: ({ signal }) => programmesApi.applications(call.id, signal) });
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading rows={4} />;
  const reload = () => {
    setConflict(null);
    void client.invalidateQueries({ queryKey: ["call-applications", call.id] });
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {conflict && (
        <Alert type="warning" showIcon data-testid="application-conflict" title={t("programmes.application.conflict", { version: conflict.version })}
          action={<Button size="small" onClick={reload} data-testid="application-reload">{t("programmes.application.reload")}</Button>} />
      )}
      <Table<Application>
        rowKey="id"
        size="small"
        data-testid="applications-table"
        pagination={false}
        dataSource={q.data.applications}
        locale={{ emptyText: <Empty description={t("programmes.application.empty")} /> }}
        onRow={(a) => ({ "data-testid": `application-row-${a.city.slug}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: "city", title: t("programmes.application.city"),
            render: (_, a) => (
              <div>
                <Link to={`/cities/${a.city.slug}`}><CityName names={a.city.names} /></Link>
                <div><Typography.Text type="secondary">{countryName(a.city.country, lang)} · {a.city.population === null ? <NotReported /> : formatNumber(a.city.population, lang)}</Typography.Text></div>
              </div>
            ),
          },
          { key: "status", title: t("programmes.application.status"), render: (_, a) => <ApplicationStatusTag status={a.status} testId={`application-status-${a.city.slug}`} /> },
          {
            key: "reasons", title: t("programmes.application.reasons"),
            render: (_, a) => a.eligibility.length === 0 ? <Typography.Text type="secondary">{t("programmes.application.allRulesMet")}</Typography.Text> : (
              <ul style={{ margin: 0, paddingLeft: 16 }} data-testid={`application-reasons-${a.city.slug}`}>
                {a.eligibility.map((c) => (
                  <li key={c.rule} style={{ color: c.ok ? undefined : "#a8071a" }}>
                    <span aria-hidden>{c.ok ? "✓ " : "✗ "}</span>{c.reason[lang]}
                  </li>
                ))}
              </ul>
            ),
          },
          { key: "decision", title: t("programmes.application.decision"), width: 260, render: (_, a) => <Decision a={a} onConflict={setConflict} /> },
        ]}
      />
    </Space>
  );
}
