import { Alert, App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ApiError } from "../api";
import { ProblemList } from "../pages/climate/ProblemList";
import { type NewProgramme, PROGRAMME_THEMES, type Programme, programmesApi } from "./api";

interface FormValues {
  nameEn: string; nameZh?: string; descriptionEn?: string; descriptionZh?: string; start?: string; end?: string; funder?: string;
  themes?: string[]; sideAEn?: string; sideAZh?: string; sideACountries?: string; sideBEn?: string; sideBZh?: string; sideBCountries?: string;
  minPopulation?: number | null; requireInventory?: boolean; requireTarget?: boolean; requirePlan?: boolean;
}

const codes = (s?: string) => (s ?? "").split(/[\s,;、，]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
const opt = (s?: string) => (s && s.trim() ? s.trim() : null);

function toBody(v: FormValues): NewProgramme {
  const sides: NewProgramme["sides"] = [];
  if (opt(v.sideAEn)) sides.push({ key: "a", names: { en: v.sideAEn!.trim(), zh: opt(v.sideAZh) }, countries: codes(v.sideACountries) });
  if (opt(v.sideBEn)) sides.push({ key: "b", names: { en: v.sideBEn!.trim(), zh: opt(v.sideBZh) }, countries: codes(v.sideBCountries) });
  return {
    names: { en: v.nameEn.trim(), zh: opt(v.nameZh) },
    descriptions: { en: opt(v.descriptionEn), zh: opt(v.descriptionZh) },
    startDate: opt(v.start),
    endDate: opt(v.end),
    funder: opt(v.funder),
    themes: (v.themes ?? []) as NewProgramme["themes"],
    sides,
    eligibility: {
      ...(v.minPopulation ? { minPopulation: v.minPopulation } : {}),
      ...(v.requireInventory ? { requireInventory: true } : {}),
      ...(v.requireTarget ? { requireTarget: true } : {}),
      ...(v.requirePlan ? { requirePlan: true } : {}),
    },
  };
}

function toForm(p: Programme): FormValues {
  const side = (k: "a" | "b") => p.sides.find((s) => s.key === k);
  const a = side("a");
  const b = side("b");
  return {
    nameEn: p.names.en, nameZh: p.names.zh ?? undefined, descriptionEn: p.descriptions.en ?? undefined, descriptionZh: p.descriptions.zh ?? undefined,
    start: p.startDate ?? undefined, end: p.endDate ?? undefined, funder: p.funder ?? undefined, themes: p.themes,
    sideAEn: a?.names.en, sideAZh: a?.names.zh ?? undefined, sideACountries: a?.countries.join(", "),
    sideBEn: b?.names.en, sideBZh: b?.names.zh ?? undefined, sideBCountries: b?.countries.join(", "),
    minPopulation: p.eligibility.minPopulation ?? null, requireInventory: !!p.eligibility.requireInventory, requireTarget: !!p.eligibility.requireTarget, requirePlan: !!p.eligibility.requirePlan,
  };
}

/**
 * The programme form in a modal: a new programme (then its page opens), or — given `programme` —
 * an edit of it based on its version (a 409 says someone saved first; the page shows theirs).
 */
export function ProgrammeFormModal({ open, onClose, programme }: { open: boolean; onClose: () => void; programme?: Programme }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const create = useMutation({
    mutationFn: (v: FormValues) => (programme ? programmesApi.update(programme.id, { ...toBody(v), version: programme.version }) : programmesApi.create(toBody(v))),
    onSuccess: (p) => {
      void client.invalidateQueries({ queryKey: ["programmes"] });
      if (programme) {
        client.setQueryData(["programme", p.id], p);
        void client.invalidateQueries({ queryKey: ["programme", p.id] });
        void message.success(t("programmes.form.saved"));
        onClose();
        return;
      }
      void message.success(t("programmes.form.created"));
      form.resetFields();
      onClose();
      navigate(`/programmes/${encodeURIComponent(p.id)}`);
    },
    onError: (err) => {
      if (programme && err instanceof ApiError && err.status === 409) void client.invalidateQueries({ queryKey: ["programme", programme.id] });
    },
  });
  const req = [{ required: true, message: t("programmes.form.required") }];
  return (
    <Modal open={open} title={programme ? t("programmes.form.editTitle") : t("programmes.newProgramme")} onCancel={onClose} width={760} destroyOnHidden
      okText={programme ? t("programmes.form.save") : t("programmes.form.create")} cancelText={t("programmes.form.cancel")}
      okButtonProps={{ loading: create.isPending, "data-testid": "programme-create-submit" }}
      onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="programme-form" initialValues={programme ? toForm(programme) : undefined}>
        <Row gutter={12}>
          <Col xs={24} sm={12}><Form.Item name="nameEn" label={t("programmes.form.nameEn")} rules={req}><Input data-testid="programme-name-en" /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="nameZh" label={t("programmes.form.nameZh")}><Input data-testid="programme-name-zh" lang="zh-CN" /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="descriptionEn" label={t("programmes.form.descriptionEn")}><Input.TextArea rows={2} data-testid="programme-description-en" /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="descriptionZh" label={t("programmes.form.descriptionZh")}><Input.TextArea rows={2} lang="zh-CN" /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="start" label={t("programmes.form.start")}><Input type="date" data-testid="programme-start" /></Form.Item></Col>
          <Col xs={12} sm={8}><Form.Item name="end" label={t("programmes.form.end")}><Input type="date" data-testid="programme-end" /></Form.Item></Col>
          <Col xs={24} sm={8}><Form.Item name="funder" label={t("programmes.funder")}><Input data-testid="programme-funder" /></Form.Item></Col>
          <Col span={24}>
            <Form.Item name="themes" label={t("programmes.themes")}>
              <Select mode="multiple" data-testid="programme-themes" options={PROGRAMME_THEMES.map((th) => ({ value: th, label: t(`programmes.theme.${th}`) }))} />
            </Form.Item>
          </Col>
          {(["A", "B"] as const).map((k) => (
            <Col xs={24} sm={12} key={k}>
              <fieldset className="cb-facet">
                <legend>{t(`programmes.form.side${k}`)}</legend>
                <Form.Item name={`side${k}En`} label={t("programmes.form.sideName")}><Input data-testid={`programme-side-${k.toLowerCase()}-name`} /></Form.Item>
                <Form.Item name={`side${k}Zh`} label={t("programmes.form.sideNameZh")}><Input lang="zh-CN" /></Form.Item>
                <Form.Item name={`side${k}Countries`} label={t("programmes.countries")} extra={t("programmes.form.countriesHelp")}>
                  <Input data-testid={`programme-side-${k.toLowerCase()}-countries`} />
                </Form.Item>
              </fieldset>
            </Col>
          ))}
          <Col xs={24} sm={12}><Form.Item name="minPopulation" label={t("programmes.form.minPopulation")}><InputNumber min={0} step={10000} style={{ width: "100%" }} data-testid="programme-min-population" /></Form.Item></Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t("programmes.eligibility")}>
              <Form.Item name="requireInventory" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requireInventory")}</Checkbox></Form.Item><br />
              <Form.Item name="requireTarget" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requireTarget")}</Checkbox></Form.Item><br />
              <Form.Item name="requirePlan" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requirePlan")}</Checkbox></Form.Item>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {create.error instanceof ApiError && create.error.status === 409
        ? <Alert type="warning" showIcon title={t("programmes.form.conflict")} data-testid="programme-conflict" />
        : <ProblemList error={create.error} testId="programme-create-problems" />}
    </Modal>
  );
}
