import { App, Button, Card, Checkbox, Col, Form, Input, Row, Select } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CityPicker } from "../components/CityPicker";
import { ProblemList } from "../pages/climate/ProblemList";
import { type Call, PROGRAMME_THEMES, type ProgrammeTheme, programmesApi } from "./api";

interface Values { city: string; themes?: ProgrammeTheme[]; challenges?: string; strengths?: string; stage?: string[]; contactName?: string; contactEmail?: string }
const opt = (s?: string) => (s && s.trim() ? s.trim() : null);

/** A city's application to an open call: city, themes, challenges, strengths, stage of climate work, contact. */
export function ApplicationForm({ call }: { call: Call }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const submit = useMutation({
    mutationFn: (v: Values) =>
      programmesApi.submit(call.id, {
        city: v.city,
        themes: v.themes ?? [],
        challenges: opt(v.challenges),
        strengths: opt(v.strengths),
        stage: { inventory: !!v.stage?.includes("inventory"), target: !!v.stage?.includes("target"), plan: !!v.stage?.includes("plan") },
        contact: { name: opt(v.contactName), email: opt(v.contactEmail) },
      }),
    onSuccess: (a) => {
      void client.invalidateQueries({ queryKey: ["call-applications", call.id] });
      void client.invalidateQueries({ queryKey: ["programme-calls", call.programmeId] });
      void client.invalidateQueries({ queryKey: ["programme", call.programmeId] });
      void message.success(t("programmes.application.submitted", { status: t(`programmes.application.statuses.${a.status}`) }));
      form.resetFields();
    },
  });
  const req = [{ required: true, message: t("programmes.form.required") }];
  return (
    <Card size="small" title={t("programmes.call.apply")} data-testid="application-form-card">
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} data-testid="application-form">
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="city" label={t("programmes.application.city")} rules={req}>
              <CityPicker onChange={(slug) => form.setFieldValue("city", slug)} testId="application-city" ariaLabel={t("programmes.application.city")} width={320} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="themes" label={t("programmes.application.themes")}>
              <Select mode="multiple" data-testid="application-themes" options={PROGRAMME_THEMES.map((th) => ({ value: th, label: t(`programmes.theme.${th}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}><Form.Item name="challenges" label={t("programmes.application.challenges")}><Input.TextArea rows={2} data-testid="application-challenges" /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="strengths" label={t("programmes.application.strengths")}><Input.TextArea rows={2} data-testid="application-strengths" /></Form.Item></Col>
          <Col xs={24}>
            <Form.Item name="stage" label={t("programmes.application.stage")}>
              <Checkbox.Group data-testid="application-stage" options={(["inventory", "target", "plan"] as const).map((s) => ({ value: s, label: <span data-testid={`application-stage-${s}`}>{t(`programmes.application.${s}`)}</span> }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}><Form.Item name="contactName" label={t("programmes.application.contactName")}><Input data-testid="application-contact-name" /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="contactEmail" label={t("programmes.application.contactEmail")} rules={[{ type: "email" }]}><Input type="email" data-testid="application-contact-email" /></Form.Item></Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="application-submit">{t("programmes.application.submit")}</Button>
      </Form>
      <div style={{ marginTop: 8 }}><ProblemList error={submit.error} testId="application-problems" /></div>
    </Card>
  );
}
