import { Button, Card, Col, Form, Input, Radio, Row, Select } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useLang } from "../../lang";
import { workApi } from "../../work/api";
import { ProblemList } from "../climate/ProblemList";
import { OrganisationFields, organisationInput, OrganisationPicker, type OrganisationValues } from "./OrganisationPicker";

interface Values { mode: "existing" | "new"; organisationId?: string; org?: OrganisationValues; role: string; commitmentEn?: string; commitmentZh?: string; pilotId?: string }

/** Adds a partner (an existing or a new organisation) with its role and commitment, to the cooperation or one pilot. */
export function PartnerForm({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch("mode", form) ?? "existing";
  const L = (k: string) => t(`work.partners.${k}`);
  const pilots = useQuery({ queryKey: ["work-pilots", cooperationId], queryFn: ({ signal }) => workApi.pilots(cooperationId, signal) });
  const add = useMutation({
    mutationFn: async (v: Values) => {
      const organisationId = v.mode === "new" && v.org ? (await workApi.createOrganisation(organisationInput(v.org))).id : v.organisationId ?? "";
      return workApi.createCommitment(cooperationId, {
        organisationId, role: v.role, pilotId: v.pilotId ?? null, commitment: { en: v.commitmentEn || null, zh: v.commitmentZh || null },
      });
    },
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ["work-commitments", cooperationId] });
      void qc.invalidateQueries({ queryKey: ["work-pilots", cooperationId] });
      void qc.invalidateQueries({ queryKey: ["organisations"] });
    },
  });
  return (
    <Card size="small" title={L("add")} data-testid="partner-form-card">
      <Form form={form} layout="vertical" data-testid="partner-form" initialValues={{ mode: "existing" }} onFinish={(v) => add.mutate(v)}>
        <Form.Item name="mode">
          <Radio.Group data-testid="partner-mode" options={[{ value: "existing", label: L("existing") }, { value: "new", label: L("createNew") }]} />
        </Form.Item>
        {mode === "existing"
          ? <Form.Item name="organisationId" label={L("organisation")} rules={[{ required: true }]}><OrganisationPicker testId="partner-org" /></Form.Item>
          : <OrganisationFields prefix="org" />}
        <Row gutter={12}>
          <Col xs={24} md={8}><Form.Item name="role" label={L("role")} rules={[{ required: true }]}><Input maxLength={200} data-testid="partner-role" /></Form.Item></Col>
          <Col xs={24} md={8}>
            <Form.Item name="pilotId" label={L("pilot")}>
              <Select allowClear placeholder={L("wholeCooperation")} data-testid="partner-pilot"
                options={(pilots.data?.items ?? []).map((p) => ({ value: p.id, label: lang === "zh" ? p.titles.zh ?? p.titles.en : p.titles.en }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}><Form.Item name="commitmentEn" label={L("commitmentEn")}><Input.TextArea rows={2} maxLength={4000} data-testid="partner-commitment-en" /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="commitmentZh" label={L("commitmentZh")}><Input.TextArea rows={2} maxLength={4000} data-testid="partner-commitment-zh" /></Form.Item></Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="partner-submit">{L("add")}</Button>
      </Form>
      <ProblemList error={add.error} testId="partner-problems" />
    </Card>
  );
}
