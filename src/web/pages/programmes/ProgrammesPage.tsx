import { useState } from "react";
import { App, Button, Card, Checkbox, Col, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { ErrorState, Loading } from "../../components/States";
import { useLang } from "../../lang";
import { type NewProgramme, PROGRAMME_THEMES, type Programme, programmesApi } from "../../programmes/api";
import { NotReported, periodText, ThemeTags, TwoNames } from "../../programmes/ui";
import { ProblemList } from "../climate/ProblemList";

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

/** The "New programme" form (for programme managers), in a modal. */
function NewProgrammeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const create = useMutation({
    mutationFn: (v: FormValues) => programmesApi.create(toBody(v)),
    onSuccess: (p) => {
      void client.invalidateQueries({ queryKey: ["programmes"] });
      void message.success(t("programmes.form.created"));
      form.resetFields();
      onClose();
      navigate(`/programmes/${encodeURIComponent(p.id)}`);
    },
  });
  const req = [{ required: true, message: t("programmes.form.required") }];
  return (
    <Modal open={open} title={t("programmes.newProgramme")} onCancel={onClose} width={760} destroyOnHidden
      okText={t("programmes.form.create")} cancelText={t("programmes.form.cancel")}
      okButtonProps={{ loading: create.isPending, "data-testid": "programme-create-submit" }}
      onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="programme-form">
        <Row gutter={12}>
          <Col span={12}><Form.Item name="nameEn" label={t("programmes.form.nameEn")} rules={req}><Input data-testid="programme-name-en" /></Form.Item></Col>
          <Col span={12}><Form.Item name="nameZh" label={t("programmes.form.nameZh")}><Input data-testid="programme-name-zh" lang="zh-CN" /></Form.Item></Col>
          <Col span={12}><Form.Item name="descriptionEn" label={t("programmes.form.descriptionEn")}><Input.TextArea rows={2} data-testid="programme-description-en" /></Form.Item></Col>
          <Col span={12}><Form.Item name="descriptionZh" label={t("programmes.form.descriptionZh")}><Input.TextArea rows={2} lang="zh-CN" /></Form.Item></Col>
          <Col span={8}><Form.Item name="start" label={t("programmes.form.start")}><Input type="date" data-testid="programme-start" /></Form.Item></Col>
          <Col span={8}><Form.Item name="end" label={t("programmes.form.end")}><Input type="date" data-testid="programme-end" /></Form.Item></Col>
          <Col span={8}><Form.Item name="funder" label={t("programmes.funder")}><Input data-testid="programme-funder" /></Form.Item></Col>
          <Col span={24}>
            <Form.Item name="themes" label={t("programmes.themes")}>
              <Select mode="multiple" data-testid="programme-themes" options={PROGRAMME_THEMES.map((th) => ({ value: th, label: t(`programmes.theme.${th}`) }))} />
            </Form.Item>
          </Col>
          {(["A", "B"] as const).map((k) => (
            <Col span={12} key={k}>
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
          <Col span={12}><Form.Item name="minPopulation" label={t("programmes.form.minPopulation")}><InputNumber min={0} step={10000} style={{ width: "100%" }} data-testid="programme-min-population" /></Form.Item></Col>
          <Col span={12}>
            <Form.Item label={t("programmes.eligibility")}>
              <Form.Item name="requireInventory" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requireInventory")}</Checkbox></Form.Item><br />
              <Form.Item name="requireTarget" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requireTarget")}</Checkbox></Form.Item><br />
              <Form.Item name="requirePlan" valuePropName="checked" noStyle><Checkbox>{t("programmes.form.requirePlan")}</Checkbox></Form.Item>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <ProblemList error={create.error} testId="programme-create-problems" />
    </Modal>
  );
}

function ProgrammeCard({ p }: { p: Programme }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = p.counts ?? { calls: 0, applications: 0, cooperations: 0 };
  return (
    <Card data-testid={`programme-card-${p.id}`} title={<Link to={`/programmes/${encodeURIComponent(p.id)}`} data-testid={`programme-link-${p.id}`}><TwoNames names={p.names} lang={lang} /></Link>}>
      <Space orientation="vertical" size="small" style={{ width: "100%" }}>
        <Typography.Text><strong>{t("programmes.period")}:</strong> {periodText(p.startDate, p.endDate, lang, t)}</Typography.Text>
        <div><strong>{t("programmes.themes")}:</strong> <ThemeTags themes={p.themes} /></div>
        <Typography.Text><strong>{t("programmes.funder")}:</strong> {p.funder ?? <NotReported />}</Typography.Text>
        <Row gutter={8} data-testid={`programme-counts-${p.id}`}>
          <Col span={8}><Statistic title={t("programmes.countCalls")} value={c.calls} /></Col>
          <Col span={8}><Statistic title={t("programmes.countApplications")} value={c.applications} /></Col>
          <Col span={8}><Statistic title={t("programmes.countCooperations")} value={c.cooperations} /></Col>
        </Row>
      </Space>
    </Card>
  );
}

/** /programmes — the programmes as cards, and a "New programme" form. */
export default function ProgrammesPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ["programmes"], queryFn: ({ signal }) => programmesApi.list(signal) });
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="programmes-page">
      <Space wrap align="baseline" style={{ justifyContent: "space-between", width: "100%" }}>
        <div>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>{t("programmes.title")}</Typography.Title>
          <Typography.Text type="secondary">{t("programmes.intro")}</Typography.Text>
        </div>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="new-programme">{t("programmes.newProgramme")}</Button>
      </Space>
      {list.error ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : !list.data ? <Loading rows={6} /> : list.data.programmes.length === 0 ? (
        <Empty description={t("programmes.empty")} data-testid="programmes-empty" />
      ) : (
        <Row gutter={[16, 16]} data-testid="programme-list">
          {list.data.programmes.map((p) => <Col key={p.id} xs={24} md={12} xl={8}><ProgrammeCard p={p} /></Col>)}
        </Row>
      )}
      <NewProgrammeModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
