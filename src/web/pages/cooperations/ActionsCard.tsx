import { Alert, App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Popconfirm, Progress, Row, Select, Space, Table, Tag, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ApiError, cityName } from "../../api";
import { ErrorState, Loading } from "../../components/States";
import { ACTION_STATUSES, type ActionInput, type ActionStatus, type Cooperation, type CooperationAction, cooperationsApi } from "../../cooperations/api";
import { formatNumber, useLang } from "../../lang";
import { Can, path, write } from "../../account/permissions";
import { ReadinessLink } from "../vision/ReadinessLink";
import KpiPanel from "./KpiPanel";
import { CityName } from "../../components/Orig";
import { unitName } from "../../units";

const STATUS_COLOURS: Record<ActionStatus, string> = { planned: "default", in_progress: "blue", done: "green", delayed: "orange", cancelled: "red" };

interface ActionForm {
  titleEn: string; titleZh?: string; theme?: string; ownerCity?: string; startDate?: string; endDate?: string;
  budget?: number | null; currency?: string; fundingSource?: string; status: ActionStatus; completionPct: number;
  impactValue?: number | null; impactUnit?: string; impactLabel?: string; practiceId?: string;
}

function toInput(v: ActionForm, keepImpact: CooperationAction["impact"]): ActionInput {
  const impact = v.impactValue !== undefined && v.impactValue !== null && v.impactUnit
    ? [{ value: v.impactValue, unit: v.impactUnit, label: v.impactLabel || null }, ...keepImpact.slice(1)]
    : keepImpact.slice(1);
  return {
    titles: { en: v.titleEn, zh: v.titleZh || null }, theme: v.theme || null, ownerCity: v.ownerCity || null, partnerIds: [],
    startDate: v.startDate || null, endDate: v.endDate || null, budget: v.budget ?? null, currency: v.currency || null, fundingSource: v.fundingSource || null,
    status: v.status, completionPct: v.status === "done" ? 100 : v.completionPct ?? 0, impact, practiceId: v.practiceId || null,
  };
}

function fromAction(a: CooperationAction | null): Partial<ActionForm> {
  if (!a) return { status: "planned", completionPct: 0 };
  const i = a.impact[0];
  return {
    titleEn: a.titles.en, titleZh: a.titles.zh ?? undefined, theme: a.theme ?? undefined, ownerCity: a.ownerCity ?? undefined, startDate: a.startDate ?? undefined,
    endDate: a.endDate ?? undefined, budget: a.budget, currency: a.currency ?? undefined, fundingSource: a.fundingSource ?? undefined, status: a.status,
    completionPct: a.completionPct, impactValue: i?.value, impactUnit: i?.unit, impactLabel: i?.label ?? undefined, practiceId: a.practiceId ?? undefined,
  };
}

/** Add or edit an action: titles in both languages, owner (a member city), dates, budget, status, completion, impact, practice. */
function ActionModal({ cooperation, action, onClose }: { cooperation: Cooperation; action: CooperationAction | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ActionForm>();
  const L = (k: string) => t(`cooperations.actions.${k}`);
  const save = useMutation({
    mutationFn: (v: ActionForm) => {
      const body = toInput(v, action?.impact ?? []);
      return action ? cooperationsApi.updateAction(action.id, { ...body, partnerIds: action.partnerIds, version: action.version }) : cooperationsApi.createAction(cooperation.id, body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["cooperation-actions", cooperation.id] });
      void message.success(L("saved"));
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: ["cooperation-actions", cooperation.id] });
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const status = Form.useWatch("status", form);
  return (
    <Modal open title={action ? L("edit") : L("add")} okText={L("save")} cancelText={L("cancel")} onOk={() => form.submit()} onCancel={onClose}
      confirmLoading={save.isPending} width={760} okButtonProps={{ "data-testid": "action-save" } as React.ComponentProps<typeof Button>}>
      <Form form={form} layout="vertical" initialValues={fromAction(action)} onFinish={(v) => save.mutate(v)} data-testid="action-form">
        <Row gutter={12}>
          <Col xs={24} md={12}><Form.Item name="titleEn" label={L("titleEn")} rules={[{ required: true }]}><Input maxLength={300} data-testid="action-title-en" /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="titleZh" label={L("titleZh")}><Input maxLength={300} data-testid="action-title-zh" /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item name="theme" label={L("theme")}><Input maxLength={60} data-testid="action-theme" /></Form.Item></Col>
          <Col xs={24} md={8}>
            <Form.Item name="ownerCity" label={L("owner")}>
              <Select allowClear data-testid="action-owner" options={cooperation.members.map((m) => ({ value: m.slug, label: cityName(m.names, lang) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}><Form.Item name="startDate" label={L("start")}><Input type="date" data-testid="action-start" /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item name="endDate" label={L("end")}><Input type="date" data-testid="action-end" /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="budget" label={L("budget")}><InputNumber min={0} style={{ width: "100%" }} data-testid="action-budget" /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item name="currency" label={L("currency")} rules={[{ pattern: /^[A-Z]{3}$/, message: "EUR, CNY…" }]}><Input maxLength={3} data-testid="action-currency" /></Form.Item></Col>
          <Col xs={24} md={14}><Form.Item name="fundingSource" label={L("funding")}><Input maxLength={300} /></Form.Item></Col>
          <Col xs={12} md={8}>
            <Form.Item name="status" label={L("status")}>
              <Select data-testid="action-status" options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`cooperations.actions.statuses.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="completionPct" label={L("completion")}><InputNumber min={0} max={100} disabled={status === "done"} data-testid="action-completion" /></Form.Item>
          </Col>
          <Col xs={24} md={10}><Form.Item name="practiceId" label={L("practiceId")}><Input maxLength={120} data-testid="action-practice" /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="impactValue" label={`${L("impact")}: ${L("impactValue")}`}><InputNumber style={{ width: "100%" }} data-testid="action-impact-value" /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="impactUnit" label={L("impactUnit")}><Input placeholder="tCO2e/yr, µg/m³" maxLength={30} data-testid="action-impact-unit" /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="impactLabel" label={L("impactLabel")}><Input maxLength={300} /></Form.Item></Col>
        </Row>
        {err && <Alert type="error" showIcon title={err.status === 409 ? t("cooperations.conflict") : err.message} data-testid="action-error" />}
      </Form>
    </Modal>
  );
}

/** The actions of the plan: status, completion, owner, budget, expected impact, linked practice, with their KPIs. */
export default function ActionsCard({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<CooperationAction | "new" | null>(null);
  const q = useQuery({ queryKey: ["cooperation-actions", cooperation.id], queryFn: ({ signal }) => cooperationsApi.actions(cooperation.id, signal) });
  const remove = useMutation({
    mutationFn: (id: string) => cooperationsApi.deleteAction(cooperation.id, id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["cooperation-actions", cooperation.id] }),
  });
  const L = (k: string) => t(`cooperations.actions.${k}`);
  const notYet = <Typography.Text type="secondary">{t("common.notYetReported")}</Typography.Text>;
  const member = (slug: string | null) => cooperation.members.find((m) => m.slug === slug);
  return (
    <Card size="small" title={L("title")} extra={<Can check={write("POST", path("cooperations", cooperation.id, "actions"))} signInHint><Button type="primary" onClick={() => setEditing("new")} data-testid="action-add">{L("add")}</Button></Can>}>
      {q.isLoading ? <Loading /> : q.error || !q.data ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : q.data.actions.length === 0 ? (
        <Empty description={L("empty")} data-testid="actions-empty" />
      ) : (
        <Table<CooperationAction>
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="actions-table"
          dataSource={q.data.actions}
          expandable={{ expandedRowRender: (a) => <KpiPanel cooperation={cooperation} action={a} />, rowExpandable: () => true }}
          columns={[
            { title: L("title"), key: "title", render: (_, a) => <span data-testid="action-title">{lang === "zh" ? a.titles.zh ?? a.titles.en : a.titles.en}</span> },
            { title: L("status"), key: "status", render: (_, a) => <Tag color={STATUS_COLOURS[a.status]}>{t(`cooperations.actions.statuses.${a.status}`)}</Tag> },
            { title: L("completion"), key: "completion", width: 140, render: (_, a) => <Progress percent={a.completionPct} size="small" aria-label={`${a.completionPct}%`} /> },
            { title: L("owner"), key: "owner", render: (_, a) => { const m = member(a.ownerCity); return m ? <Link to={`/cities/${m.slug}`}><CityName names={m.names} /></Link> : a.ownerCity ?? notYet; } },
            { title: L("budget"), key: "budget", render: (_, a) => (a.budget === null ? notYet : `${formatNumber(a.budget, lang)} ${a.currency ?? ""}`) },
            { title: L("impact"), key: "impact", render: (_, a) => (a.impact.length ? a.impact.map((i, k) => <div key={k}>{formatNumber(i.value, lang)} {unitName(i.unit, lang)}{i.label ? ` (${i.label})` : ""}</div>) : notYet) },
            { title: L("practice"), key: "practice", render: (_, a) => (a.practiceId ? <Link to={`/practices/${a.practiceId}`}>{a.practiceId}</Link> : "—") },
            {
              title: "",
              key: "ops",
              render: (_, a) => (
                <Space wrap>
                  <ReadinessLink kind="action" id={a.id} cooperation={cooperation.id} />
                  <Can check={write("PATCH", path("actions", a.id))}><Button size="small" onClick={() => setEditing(a)}>{L("edit")}</Button></Can>
                  <Can check={write("DELETE", path("cooperations", cooperation.id, "actions", a.id))}><Popconfirm title={L("deleteConfirm")} onConfirm={() => remove.mutate(a.id)}><Button size="small" danger>{L("delete")}</Button></Popconfirm></Can>
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing && <ActionModal cooperation={cooperation} action={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
