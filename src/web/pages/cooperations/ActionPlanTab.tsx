import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Table, Tag, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { ErrorState, Loading } from "../../components/States";
import {
  type ActionPlan,
  type Cooperation,
  cooperationsApi,
  PLAN_FIELDS,
  type PlanField,
  URBAN_AGENDA_SOURCE,
  URBAN_AGENDA_TOPICS,
  type UrbanAgendaTopic,
} from "../../cooperations/api";
import { useLang } from "../../lang";
import { Can, path, write } from "../../account/permissions";
import ActionsCard from "./ActionsCard";

type PlanForm = Record<`${PlanField}_en` | `${PlanField}_zh`, string | undefined> & { sdgs: number[]; urbanAgenda: UrbanAgendaTopic[] };

function toForm(p: ActionPlan): PlanForm {
  const f = { sdgs: p.sdgs, urbanAgenda: p.urbanAgenda } as PlanForm;
  for (const k of PLAN_FIELDS) {
    f[`${k}_en`] = p[k].en ?? undefined;
    f[`${k}_zh`] = p[k].zh ?? undefined;
  }
  return f;
}

type PlanKey = keyof PlanForm;
const show = (v: unknown): string => (Array.isArray(v) ? v.join(", ") : v === undefined || v === null ? "" : String(v));

/**
 * Someone saved the plan while this user was editing: the fields where the saved plan differs
 * from what this user typed, side by side, to take theirs (all or field by field) or keep one's own.
 */
function PlanConflict({ mine, theirs, onUse }: { mine: PlanForm; theirs: PlanForm; onUse: (fields: Partial<PlanForm>) => void }) {
  const { t } = useTranslation();
  const label = (k: PlanKey) => k === "sdgs" ? t("cooperations.plan.sdgs") : k === "urbanAgenda" ? t("cooperations.plan.urbanAgenda")
    : `${t(`cooperations.plan.fields.${k.replace(/_(en|zh)$/, "")}`)} (${k.endsWith("_zh") ? t("cooperations.plan.chinese") : t("cooperations.plan.english")})`;
  const keys = (Object.keys(theirs) as PlanKey[]).filter((k) => show(mine[k]) !== show(theirs[k]));
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="plan-conflict" title={t("cooperations.compare.title")}
      description={
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Typography.Text>{t("cooperations.compare.intro")}</Typography.Text>
          <Table size="small" pagination={false} rowKey="key" data-testid="plan-conflict-table"
            dataSource={keys.map((k) => ({ key: k, field: label(k), mine: show(mine[k]), theirs: show(theirs[k]) }))}
            columns={[
              { title: t("cooperations.compare.field"), dataIndex: "field", width: "22%" },
              { title: t("cooperations.compare.mine"), dataIndex: "mine", render: (v: string) => v || "—" },
              { title: t("cooperations.compare.theirs"), dataIndex: "theirs", render: (v: string) => v || "—" },
              { title: "", key: "use", width: 120, render: (_: unknown, r: { key: PlanKey }) => (
                <Button size="small" onClick={() => onUse({ [r.key]: theirs[r.key] })} data-testid={`plan-use-theirs-${r.key}`}>{t("cooperations.compare.useTheirs")}</Button>
              ) },
            ]} />
          <Space>
            <Button onClick={() => onUse(theirs)} data-testid="plan-use-all-theirs">{t("cooperations.compare.useAllTheirs")}</Button>
            <Typography.Text type="secondary">{t("cooperations.compare.keepMine")}</Typography.Text>
          </Space>
        </Space>
      } />
  );
}

/** The UCAP fields in both languages, with SDGs and EU Urban Agenda topics. */
function PlanEditor({ plan, cooperationId, onDone }: { plan: ActionPlan; cooperationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PlanForm>();
  const [conflict, setConflict] = useState<{ mine: PlanForm; theirs: PlanForm } | null>(null);
  const save = useMutation({
    mutationFn: (v: PlanForm) =>
      cooperationsApi.savePlan(cooperationId, {
        version: plan.version,
        sdgs: v.sdgs ?? [],
        urbanAgenda: v.urbanAgenda ?? [],
        ...Object.fromEntries(PLAN_FIELDS.map((k) => [k, { en: v[`${k}_en`] || null, zh: v[`${k}_zh`] || null }])),
      }),
    onSuccess: (p) => {
      qc.setQueryData(["cooperation-plan", cooperationId], p);
      void message.success(t("cooperations.plan.saved"));
      onDone();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        const current = (err.problem as { current?: ActionPlan }).current;
        // The next save is based on the version just read: keeping one's own text is a deliberate choice.
        if (current) {
          qc.setQueryData(["cooperation-plan", cooperationId], current);
          setConflict({ mine: form.getFieldsValue(true), theirs: toForm(current) });
        } else void qc.invalidateQueries({ queryKey: ["cooperation-plan", cooperationId] });
      }
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <Form form={form} layout="vertical" initialValues={toForm(plan)} onFinish={(v) => save.mutate(v)} data-testid="plan-form">
      <Row gutter={16}>
        {PLAN_FIELDS.map((k) => (
          <Col key={k} span={24}>
            <Typography.Text strong>{t(`cooperations.plan.fields.${k}`)}</Typography.Text>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name={`${k}_en`} label={t("cooperations.plan.english")}>
                  <Input.TextArea rows={2} maxLength={10000} data-testid={`plan-${k}-en`} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={`${k}_zh`} label={t("cooperations.plan.chinese")}>
                  <Input.TextArea rows={2} maxLength={10000} data-testid={`plan-${k}-zh`} />
                </Form.Item>
              </Col>
            </Row>
          </Col>
        ))}
      </Row>
      <Form.Item name="sdgs" label={t("cooperations.plan.sdgs")}>
        <Select mode="multiple" data-testid="plan-sdgs" options={Array.from({ length: 17 }, (_, i) => ({ value: i + 1, label: t("cooperations.plan.sdg", { n: i + 1 }) }))} />
      </Form.Item>
      <Form.Item name="urbanAgenda" label={t("cooperations.plan.urbanAgenda")}>
        <Select mode="multiple" data-testid="plan-urban-agenda" options={URBAN_AGENDA_TOPICS.map((u) => ({ value: u, label: t(`cooperations.urbanAgendaTopics.${u}`) }))} />
      </Form.Item>
      {conflict ? (
        <PlanConflict mine={conflict.mine} theirs={conflict.theirs} onUse={(fields) => form.setFieldsValue(fields)} />
      ) : err && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={err.status === 409 ? t("cooperations.conflict") : err.message} data-testid="plan-error" />}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="plan-save">{t("cooperations.plan.save")}</Button>
        <Button onClick={onDone}>{t("cooperations.plan.cancel")}</Button>
      </Space>
    </Form>
  );
}

function PlanView({ plan }: { plan: ActionPlan }) {
  const { t } = useTranslation();
  const lang = useLang();
  const other = lang === "en" ? "zh" : "en";
  const notYet = <Typography.Text type="secondary">{t("common.notYetReported")}</Typography.Text>;
  return (
    <Descriptions size="small" column={1} bordered data-testid="plan-view" items={[
      ...PLAN_FIELDS.map((k) => {
        const mine = plan[k][lang];
        const fallback = plan[k][other];
        return {
          key: k,
          label: t(`cooperations.plan.fields.${k}`),
          children: mine ? <span data-testid={`plan-${k}`}>{mine}</span> : fallback ? (
            <span data-testid={`plan-${k}`}>{fallback} <Typography.Text type="secondary">{lang === "zh" ? t("cooperations.plan.otherLanguage") : t("cooperations.plan.otherLanguageZh")}</Typography.Text></span>
          ) : notYet,
        };
      }),
      { key: "sdgs", label: t("cooperations.plan.sdgs"), children: plan.sdgs.length ? plan.sdgs.map((n) => <Tag key={n} color="blue">{t("cooperations.plan.sdg", { n })}</Tag>) : notYet },
      {
        key: "ua",
        label: t("cooperations.plan.urbanAgenda"),
        children: (
          <>
            {plan.urbanAgenda.length ? plan.urbanAgenda.map((u) => <Tag key={u} color="geekblue">{t(`cooperations.urbanAgendaTopics.${u}`)}</Tag>) : notYet}
            <div><Typography.Text type="secondary">{t("common.source")}: <a href={URBAN_AGENDA_SOURCE} target="_blank" rel="noreferrer">{t("cooperations.plan.urbanAgendaSource")}</a></Typography.Text></div>
          </>
        ),
      },
    ]} />
  );
}

/** The cooperation's Urban Cooperation Action Plan (UCAP): its fields, then the actions with their KPIs. */
export default function ActionPlanTab({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ["cooperation-plan", cooperation.id], queryFn: ({ signal }) => cooperationsApi.plan(cooperation.id, signal) });
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="action-plan-tab">
      <Card size="small" title={t("cooperations.plan.title")}
        extra={!editing && q.data && <Can check={write("PUT", path("cooperations", cooperation.id, "plan"))} signInHint><Button onClick={() => setEditing(true)} data-testid="plan-edit">{t("cooperations.plan.edit")}</Button></Can>}>
        {q.isLoading ? <Loading /> : q.error || !q.data ? <ErrorState error={q.error} onRetry={() => void q.refetch()} />
          : editing ? <PlanEditor plan={q.data} cooperationId={cooperation.id} onDone={() => setEditing(false)} /> : <PlanView plan={q.data} />}
      </Card>
      <ActionsCard cooperation={cooperation} />
    </Space>
  );
}
