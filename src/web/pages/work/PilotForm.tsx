import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { cityName } from "../../api";
import type { Cooperation } from "../../cooperations/api";
import { useLang } from "../../lang";
import { PILOT_STATUSES, type PilotStatus, workApi } from "../../work/api";
import { ProblemList } from "../climate/ProblemList";

interface Values { titleEn: string; titleZh?: string; citySlug?: string; startDate?: string; endDate?: string; budget?: number; currency?: string; status: PilotStatus }

/** Adds a pilot project in one of the cooperation's member cities. */
export function PilotForm({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const L = (k: string) => t(`work.pilots.${k}`);
  const add = useMutation({
    mutationFn: (v: Values) => workApi.createPilot(cooperation.id, {
      titles: { en: v.titleEn, zh: v.titleZh || null }, citySlug: v.citySlug ?? null, startDate: v.startDate || null, endDate: v.endDate || null,
      budget: v.budget ?? null, currency: v.currency ? v.currency.toUpperCase() : null, status: v.status,
    }),
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ["work-pilots", cooperation.id] });
    },
  });
  return (
    <Card size="small" title={L("add")} data-testid="pilot-form-card">
      <Form form={form} layout="vertical" data-testid="pilot-form" initialValues={{ status: "planned", currency: "EUR" }} onFinish={(v) => add.mutate(v)}>
        <Row gutter={12}>
          <Col xs={24} md={12}><Form.Item name="titleEn" label={L("titleEn")} rules={[{ required: true }]}><Input maxLength={300} data-testid="pilot-title-en" /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="titleZh" label={L("titleZh")}><Input maxLength={300} data-testid="pilot-title-zh" /></Form.Item></Col>
          <Col xs={12} md={6}>
            <Form.Item name="citySlug" label={L("city")}>
              <Select allowClear data-testid="pilot-city" options={cooperation.members.map((m) => ({ value: m.slug, label: cityName(m.names, lang) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="status" label={L("status")}><Select data-testid="pilot-status" options={PILOT_STATUSES.map((s) => ({ value: s, label: t(`work.pilotStatuses.${s}`) }))} /></Form.Item>
          </Col>
          <Col xs={12} md={6}><Form.Item name="startDate" label={L("startDate")}><Input type="date" data-testid="pilot-start" /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="endDate" label={L("endDate")}><Input type="date" data-testid="pilot-end" /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="budget" label={L("budget")}><InputNumber min={0} style={{ width: "100%" }} data-testid="pilot-budget" /></Form.Item></Col>
          <Col xs={12} md={6}>
            <Form.Item name="currency" label={L("currency")} rules={[{ pattern: /^[A-Za-z]{3}$/, message: "ISO 4217" }]}><Input maxLength={3} data-testid="pilot-currency" /></Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="pilot-submit">{L("add")}</Button>
      </Form>
      <ProblemList error={add.error} testId="pilot-problems" />
    </Card>
  );
}
