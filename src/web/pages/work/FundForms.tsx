import { useState } from "react";
import { Button, Form, Input, InputNumber, Modal, Select, Space } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FUND_DECISIONS, type FundApplication, type FundDecision, workApi } from "../../work/api";
import { ProblemList } from "../climate/ProblemList";
import { useConflict } from "./useConflict";

interface NewValues { fund: string; submittedOn: string; amountRequested?: number; currency?: string; score?: number }

/** Adds an application of a pilot to a follow-up fund. */
export function FundApplicationForm({ pilotId, cooperationId, currency }: { pilotId: string; cooperationId: string; currency: string | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<NewValues>();
  const L = (k: string) => t(`work.pilots.${k}`);
  const add = useMutation({
    mutationFn: (v: NewValues) => workApi.addFundApplication(pilotId, {
      fund: v.fund, submittedOn: v.submittedOn, amountRequested: v.amountRequested ?? null, currency: v.currency ? v.currency.toUpperCase() : null, score: v.score ?? null,
    }),
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ["work-pilots", cooperationId] });
    },
  });
  return (
    <div>
      <Form form={form} layout="inline" style={{ rowGap: 8, marginTop: 12 }} data-testid="fund-form" initialValues={{ currency: currency ?? "EUR" }} onFinish={(v) => add.mutate(v)}>
        <Form.Item name="fund" rules={[{ required: true }]}><Input placeholder={L("fund")} aria-label={L("fund")} maxLength={300} data-testid="fund-name" /></Form.Item>
        <Form.Item name="submittedOn" rules={[{ required: true }]}><Input type="date" aria-label={L("submittedOn")} title={L("submittedOn")} data-testid="fund-submitted" /></Form.Item>
        <Form.Item name="amountRequested"><InputNumber min={0} placeholder={L("amountRequested")} aria-label={L("amountRequested")} style={{ width: 170 }} data-testid="fund-requested" /></Form.Item>
        <Form.Item name="currency" rules={[{ pattern: /^[A-Za-z]{3}$/, message: "ISO 4217" }]}><Input maxLength={3} aria-label={L("currency")} style={{ width: 70 }} /></Form.Item>
        <Form.Item name="score"><InputNumber min={0} max={100} placeholder={L("score")} aria-label={L("score")} style={{ width: 130 }} data-testid="fund-score" /></Form.Item>
        <Button htmlType="submit" loading={add.isPending} data-testid="fund-submit">{L("addFund")}</Button>
      </Form>
      <ProblemList error={add.error} testId="fund-problems" />
    </div>
  );
}

interface DecisionValues { decision: FundDecision; decidedOn?: string; score?: number; amountAwarded?: number }

/** Records a fund application's score and decision (a decision date needs a decision; an amount needs an award). */
export function DecisionButton({ application, cooperationId }: { application: FundApplication; cooperationId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch("decision", form);
  const onConflict = useConflict(["work-pilots", cooperationId]);
  const L = (k: string) => t(`work.pilots.${k}`);
  const save = useMutation({
    mutationFn: (v: DecisionValues) => workApi.updateFundApplication(application.id, {
      version: application.version, decision: v.decision, decidedOn: v.decision === "pending" ? null : v.decidedOn || null, score: v.score ?? null,
      amountAwarded: v.decision === "awarded" ? v.amountAwarded ?? null : null,
    }),
    onSuccess: () => {
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ["work-pilots", cooperationId] });
    },
    onError: (e) => { if (onConflict(e)) setOpen(false); },
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`fund-decide-${application.id}`}>{L("recordDecision")}</Button>
      <Modal open={open} title={`${L("recordDecision")} — ${application.fund}`} okText={t("work.save")} cancelText={t("work.cancel")} confirmLoading={save.isPending} destroyOnHidden
        onOk={() => void form.validateFields().then((v) => save.mutate(v))} onCancel={() => setOpen(false)}
        okButtonProps={{ "data-testid": "decision-ok" } as React.ComponentProps<typeof Button>}>
        <Form form={form} layout="vertical" data-testid="decision-form"
          initialValues={{ decision: application.decision, decidedOn: application.decidedOn ?? undefined, score: application.score ?? undefined, amountAwarded: application.amountAwarded ?? undefined }}>
          <Space wrap>
            <Form.Item name="decision" label={L("decision")}><Select style={{ width: 160 }} data-testid="decision-select" options={FUND_DECISIONS.map((d) => ({ value: d, label: t(`work.decisions.${d}`) }))} /></Form.Item>
            <Form.Item name="decidedOn" label={L("decidedOn")}><Input type="date" disabled={decision === "pending"} data-testid="decision-date" /></Form.Item>
            <Form.Item name="score" label={L("score")}><InputNumber min={0} max={100} data-testid="decision-score" /></Form.Item>
            <Form.Item name="amountAwarded" label={`${L("amountAwarded")}${application.currency ? ` (${application.currency})` : ""}`}>
              <InputNumber min={0} max={application.amountRequested ?? undefined} disabled={decision !== "awarded"} data-testid="decision-amount" />
            </Form.Item>
          </Space>
        </Form>
        <ProblemList error={save.error} testId="decision-problems" />
      </Modal>
    </>
  );
}
