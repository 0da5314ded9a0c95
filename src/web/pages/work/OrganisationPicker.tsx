import { useState } from "react";
import { Button, Col, Form, Input, Modal, Row, Select, Space } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useLang } from "../../lang";
import { ORGANISATION_KINDS, type Organisation, type OrganisationInput, type OrganisationKind, workApi } from "../../work/api";
import { ProblemList } from "../climate/ProblemList";

/** The fields of a new organisation (names in both languages, kind, country, sector). */
export function OrganisationFields({ prefix }: { prefix?: string }) {
  const { t } = useTranslation();
  const L = (k: string) => t(`work.partners.${k}`);
  const n = (k: string) => (prefix ? [prefix, k] : k);
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}><Form.Item name={n("nameEn")} label={L("nameEn")} rules={[{ required: true }]}><Input maxLength={300} data-testid="org-name-en" /></Form.Item></Col>
      <Col xs={24} sm={12}><Form.Item name={n("nameZh")} label={L("nameZh")}><Input maxLength={300} data-testid="org-name-zh" /></Form.Item></Col>
      <Col xs={24} sm={8}>
        <Form.Item name={n("kind")} label={L("kind")} rules={[{ required: true }]}>
          <Select data-testid="org-kind" options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`work.organisationKinds.${k}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={8} sm={8}><Form.Item name={n("country")} label={L("country")} rules={[{ pattern: /^[A-Za-z]{2}$/, message: "ISO 3166-1 alpha-2" }]}><Input maxLength={2} data-testid="org-country" /></Form.Item></Col>
      <Col xs={16} sm={8}><Form.Item name={n("sector")} label={L("sector")}><Input maxLength={200} data-testid="org-sector" /></Form.Item></Col>
    </Row>
  );
}

export interface OrganisationValues { nameEn: string; nameZh?: string; kind: OrganisationKind; country?: string; sector?: string }

export function organisationInput(v: OrganisationValues): OrganisationInput {
  return { names: { en: v.nameEn, zh: v.nameZh || null }, kind: v.kind, country: v.country ? v.country.toUpperCase() : null, sector: v.sector || null };
}

/** Searchable select of organisations (single or multiple) with a "new organisation" button that creates one inline. */
export function OrganisationPicker({ value, onChange, multiple, testId }: { value?: string | string[]; onChange?: (v: string | string[]) => void; multiple?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Organisation[]>([]);
  const [form] = Form.useForm<OrganisationValues>();
  const list = useQuery({ queryKey: ["organisations", q], queryFn: ({ signal }) => workApi.organisations({ q, limit: 50 }, signal) });
  const create = useMutation({
    mutationFn: (v: OrganisationValues) => workApi.createOrganisation(organisationInput(v)),
    onSuccess: (o) => {
      setCreated((c) => [...c, o]);
      void qc.invalidateQueries({ queryKey: ["organisations"] });
      onChange?.(multiple ? [...((value as string[] | undefined) ?? []), o.id] : o.id);
      form.resetFields();
      setOpen(false);
    },
  });
  const byId = new Map([...(list.data?.items ?? []), ...created].map((o) => [o.id, o]));
  const options = [...byId.values()].map((o) => ({
    value: o.id,
    label: `${lang === "zh" ? o.names.zh ?? o.names.en : o.names.en} · ${t(`work.organisationKinds.${o.kind}`)}${o.country ? ` · ${o.country}` : ""}`,
  }));
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Select
        mode={multiple ? "multiple" : undefined}
        showSearch={{ filterOption: false, onSearch: setQ }}
        allowClear
        value={value}
        onChange={(v) => onChange?.(v)}
        options={options}
        loading={list.isLoading}
        placeholder={t("work.activities.pickOrganisations")}
        aria-label={t("work.activities.pickOrganisations")}
        data-testid={testId}
        style={{ width: "100%" }}
      />
      <Button onClick={() => setOpen(true)} data-testid={`${testId ?? "org"}-new`}>{t("work.activities.newOrganisation")}</Button>
      <Modal open={open} title={t("work.activities.newOrganisation")} okText={t("work.save")} cancelText={t("work.cancel")} confirmLoading={create.isPending} destroyOnHidden
        onOk={() => void form.validateFields().then((v) => create.mutate(v))} onCancel={() => setOpen(false)} okButtonProps={{ "data-testid": "org-create-ok" } as React.ComponentProps<typeof Button>}>
        <Form form={form} layout="vertical" data-testid="org-form"><OrganisationFields /></Form>
        <ProblemList error={create.error} />
      </Modal>
    </Space.Compact>
  );
}
