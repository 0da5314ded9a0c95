import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useLang } from "../lang";
import { ProblemList } from "../pages/climate/ProblemList";
import { type Call, type Programme, programmesApi, type SideKey } from "./api";

interface Values {
  titleEn: string; titleZh?: string; descriptionEn?: string; descriptionZh?: string; side?: SideKey | "both"; opensOn?: string; deadline: string;
  minPopulation?: number | null; requireInventory?: boolean; requireTarget?: boolean; requirePlan?: boolean;
}
const opt = (s?: string) => (s && s.trim() ? s.trim() : null);

/** The "New call" form: titles, side, opening day, deadline and rules overriding the programme's. */
export function CallForm({ programme, open, onClose, onCreated }: { programme: Programme; open: boolean; onClose: () => void; onCreated: (c: Call) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (v: Values) =>
      programmesApi.createCall(programme.id, {
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
      }),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: ["programme-calls", programme.id] });
      void client.invalidateQueries({ queryKey: ["programme", programme.id] });
      void message.success(t("programmes.call.created"));
      form.resetFields();
      onCreated(c);
      onClose();
    },
  });
  const req = [{ required: true, message: t("programmes.form.required") }];
  return (
    <Modal open={open} title={t("programmes.call.new")} onCancel={onClose} width={680} destroyOnHidden
      okText={t("programmes.form.create")} cancelText={t("programmes.form.cancel")}
      okButtonProps={{ loading: create.isPending, "data-testid": "call-create-submit" }} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="call-form" initialValues={{ side: "both" }}>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="titleEn" label={t("programmes.call.titleEn")} rules={req}><Input data-testid="call-title-en" /></Form.Item></Col>
          <Col span={12}><Form.Item name="titleZh" label={t("programmes.call.titleZh")}><Input lang="zh-CN" data-testid="call-title-zh" /></Form.Item></Col>
          <Col span={12}><Form.Item name="descriptionEn" label={t("programmes.form.descriptionEn")}><Input.TextArea rows={2} /></Form.Item></Col>
          <Col span={12}><Form.Item name="descriptionZh" label={t("programmes.form.descriptionZh")}><Input.TextArea rows={2} lang="zh-CN" /></Form.Item></Col>
          <Col span={8}>
            <Form.Item name="side" label={t("programmes.call.side")}>
              <Select data-testid="call-side" options={[
                { value: "both", label: t("programmes.call.bothSides") },
                ...programme.sides.map((s) => ({ value: s.key, label: lang === "zh" ? s.names.zh ?? s.names.en : s.names.en })),
              ]} />
            </Form.Item>
          </Col>
          <Col span={8}><Form.Item name="opensOn" label={t("programmes.call.opensOn")}><Input type="date" data-testid="call-opens-on" /></Form.Item></Col>
          <Col span={8}><Form.Item name="deadline" label={t("programmes.call.deadline")} rules={req}><Input type="date" data-testid="call-deadline" /></Form.Item></Col>
        </Row>
        <fieldset className="cb-facet">
          <legend>{t("programmes.call.overrides")}</legend>
          <Form.Item name="minPopulation" label={t("programmes.form.minPopulation")}><InputNumber min={0} step={10000} style={{ width: 220 }} data-testid="call-min-population" /></Form.Item>
          <Form.Item name="requireInventory" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requireInventory")}</Checkbox></Form.Item>
          <Form.Item name="requireTarget" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requireTarget")}</Checkbox></Form.Item>
          <Form.Item name="requirePlan" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requirePlan")}</Checkbox></Form.Item>
        </fieldset>
      </Form>
      <ProblemList error={create.error} testId="call-create-problems" />
    </Modal>
  );
}
