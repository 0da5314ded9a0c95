import { Button, Card, Col, Form, Input, Row, Select } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ACTIVITY_KINDS, type ActivityKind, workApi } from "../../work/api";
import { ProblemList } from "../climate/ProblemList";
import { OrganisationPicker } from "./OrganisationPicker";

interface Values { kind: ActivityKind; titleEn: string; titleZh?: string; startDate: string; endDate?: string; place?: string; organisationIds?: string[] }

/** The form that records a new activity of a cooperation. */
export function ActivityForm({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const L = (k: string) => t(`work.activities.${k}`);
  const add = useMutation({
    mutationFn: (v: Values) => workApi.createActivity(cooperationId, {
      kind: v.kind, titles: { en: v.titleEn, zh: v.titleZh || null }, startDate: v.startDate, endDate: v.endDate || null, place: v.place || null, organisationIds: v.organisationIds ?? [],
    }),
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ["work-activities", cooperationId] });
    },
  });
  return (
    <Card size="small" title={L("add")} data-testid="activity-form-card">
      <Form form={form} layout="vertical" data-testid="activity-form" initialValues={{ kind: "study_visit" }} onFinish={(v) => add.mutate(v)}>
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="kind" label={L("kind")} rules={[{ required: true }]}>
              <Select data-testid="activity-kind" options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`work.activityKinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}><Form.Item name="titleEn" label={L("titleEn")} rules={[{ required: true }]}><Input maxLength={300} data-testid="activity-title-en" /></Form.Item></Col>
          <Col xs={24} md={9}><Form.Item name="titleZh" label={L("titleZh")}><Input maxLength={300} data-testid="activity-title-zh" /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="startDate" label={L("startDate")} rules={[{ required: true }]}><Input type="date" data-testid="activity-start" /></Form.Item></Col>
          <Col xs={12} md={6}>
            <Form.Item name="endDate" label={L("endDate")} dependencies={["startDate"]}
              rules={[({ getFieldValue }) => ({ validator: (_, v?: string) => (!v || !getFieldValue("startDate") || v >= getFieldValue("startDate") ? Promise.resolve() : Promise.reject(new Error(`≥ ${getFieldValue("startDate")}`))) })]}>
              <Input type="date" data-testid="activity-end" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}><Form.Item name="place" label={L("place")}><Input maxLength={300} data-testid="activity-place" /></Form.Item></Col>
          <Col span={24}><Form.Item name="organisationIds" label={L("organisations")}><OrganisationPicker multiple testId="activity-orgs" /></Form.Item></Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="activity-submit">{L("add")}</Button>
      </Form>
      <ProblemList error={add.error} testId="activity-problems" />
    </Card>
  );
}
