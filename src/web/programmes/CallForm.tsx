import { Alert, App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api";
import { useLang } from "../lang";
import { ProblemList } from "../pages/climate/ProblemList";
import { type Call, type Programme, programmesApi, type SideKey } from "./api";

interface Values {
  titleEn: string; titleZh?: string; descriptionEn?: string; descriptionZh?: string; side?: SideKey | "both"; opensOn?: string; deadline: string;
  minPopulation?: number | null; requireInventory?: boolean; requireTarget?: boolean; requirePlan?: boolean;
}
const opt = (s?: string) => (s && s.trim() ? s.trim() : null);

/** A stored call as the form's values. */
function toForm(c: Call): Values {
  return {
    titleEn: c.titles.en, titleZh: c.titles.zh ?? undefined, descriptionEn: c.descriptions.en ?? undefined, descriptionZh: c.descriptions.zh ?? undefined,
    side: c.side ?? "both", opensOn: c.opensOn ?? undefined, deadline: c.deadline,
    minPopulation: c.eligibility.minPopulation ?? null, requireInventory: c.eligibility.requireInventory ?? false,
    requireTarget: c.eligibility.requireTarget ?? false, requirePlan: c.eligibility.requirePlan ?? false,
  };
}

/**
 * The call form: a new call (titles, side, opening day, deadline and rules overriding the
 * programme's), or — given `call` — an edit of it based on its version (a 409 says someone saved
 * first; the list reloads with theirs).
 */
export function CallForm({ programme, call, open, onClose, onCreated }: { programme: Programme; call?: Call; open: boolean; onClose: () => void; onCreated: (c: Call) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        titles: { en: v.titleEn.trim(), zh: opt(v.titleZh) },
        descriptions: { en: opt(v.descriptionEn), zh: opt(v.descriptionZh) },
        side: !v.side || v.side === "both" ? null : v.side,
        opensOn: opt(v.opensOn),
        deadline: v.deadline,
        eligibility: {
          ...(v.minPopulation ? { minPopulation: v.minPopulation } : {}),
          ...(v.requireInventory ? { requireInventory: true } : {}),
          ...(v.requireTarget ? { requireTarget: true } : {}),
          ...(v.requirePlan ? { requirePlan: true } : {}),
        },
      };
      return call ? programmesApi.updateCall(call.id, { ...body, version: call.version }) : programmesApi.createCall(programme.id, body);
    },
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: ["programme-calls", programme.id] });
      void client.invalidateQueries({ queryKey: ["programme", programme.id] });
      void message.success(call ? t("programmes.call.saved") : t("programmes.call.created"));
      form.resetFields();
      onCreated(c);
      onClose();
    },
    onError: (err) => {
      if (call && err instanceof ApiError && err.status === 409) void client.invalidateQueries({ queryKey: ["programme-calls", programme.id] });
    },
  });
  const req = [{ required: true, message: t("programmes.form.required") }];
  return (
    <Modal open={open} title={call ? t("programmes.call.edit") : t("programmes.call.new")} onCancel={onClose} width={680} destroyOnHidden
      okText={call ? t("programmes.form.save") : t("programmes.form.create")} cancelText={t("programmes.form.cancel")}
      okButtonProps={{ loading: create.isPending, "data-testid": "call-create-submit" }} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="call-form" initialValues={call ? toForm(call) : { side: "both" }}>
        <Row gutter={12}>
          <Col xs={24} sm={12}><Form.Item name="titleEn" label={t("programmes.call.titleEn")} rules={req}><Input data-testid="call-title-en" /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="titleZh" label={t("programmes.call.titleZh")}><Input lang="zh-CN" data-testid="call-title-zh" /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="descriptionEn" label={t("programmes.form.descriptionEn")}><Input.TextArea rows={2} /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="descriptionZh" label={t("programmes.form.descriptionZh")}><Input.TextArea rows={2} lang="zh-CN" /></Form.Item></Col>
          <Col xs={24} sm={8}>
            <Form.Item name="side" label={t("programmes.call.side")}>
              <Select data-testid="call-side" options={[
                { value: "both", label: t("programmes.call.bothSides") },
                ...programme.sides.map((s) => ({ value: s.key, label: lang === "zh" ? s.names.zh ?? s.names.en : s.names.en })),
              ]} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}><Form.Item name="opensOn" label={t("programmes.call.opensOn")}><Input type="date" data-testid="call-opens-on" /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="deadline" label={t("programmes.call.deadline")} rules={req}><Input type="date" data-testid="call-deadline" /></Form.Item></Col>
        </Row>
        <fieldset className="cb-facet">
          <legend>{t("programmes.call.overrides")}</legend>
          <Form.Item name="minPopulation" label={t("programmes.form.minPopulation")}><InputNumber min={0} step={10000} style={{ width: 220 }} data-testid="call-min-population" /></Form.Item>
          <Form.Item name="requireInventory" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requireInventory")}</Checkbox></Form.Item>
          <Form.Item name="requireTarget" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requireTarget")}</Checkbox></Form.Item>
          <Form.Item name="requirePlan" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requirePlan")}</Checkbox></Form.Item>
        </fieldset>
      </Form>
      {create.error instanceof ApiError && create.error.status === 409
        ? <Alert type="warning" showIcon title={t("programmes.call.conflict")} data-testid="call-conflict" />
        : <ProblemList error={create.error} testId="call-create-problems" />}
    </Modal>
  );
}
