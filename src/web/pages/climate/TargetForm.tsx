import { Col, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { TargetInput, TargetType } from "../../climate/api";
import { ProblemList } from "./ProblemList";

interface Values {
  type: TargetType; name?: string; baseYear: number; baseEmissions: number; targetYear: number; reductionPct?: number; targetLevel?: number;
  basePopulation?: number; netZeroYear?: number; method: "linear" | "constant-rate";
  popGrowth?: number; gdpGrowth?: number; intensity?: number; budget?: number; budgetSource?: string; source?: string;
}

/** The form of a new target: CRF type, years, reduction or level, net-zero year, BAU growth, budget. */
export function TargetForm({ open, onCancel, onSubmit, busy, error }: { open: boolean; onCancel: () => void; onSubmit: (t: TargetInput) => void; busy: boolean; error: unknown }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch("type", form);
  const submit = (v: Values) => {
    const bau = v.popGrowth !== undefined || v.gdpGrowth !== undefined ? { populationGrowthPct: v.popGrowth ?? 0, gdpPerCapitaGrowthPct: v.gdpGrowth ?? 0, intensityChangePct: v.intensity ?? 0 } : null;
    onSubmit({
      type: v.type, names: v.name ? { en: v.name } : undefined, baseYear: v.baseYear, baseEmissions: v.baseEmissions, targetYear: v.targetYear,
      reductionPct: v.type === "fixed-level" ? null : (v.reductionPct ?? null), targetLevel: v.type === "fixed-level" ? (v.targetLevel ?? null) : null,
      basePopulation: v.basePopulation ?? null, netZeroYear: v.netZeroYear ?? null, method: v.method, bau,
      budget: v.budget && v.budgetSource ? { tCO2e: v.budget, source: v.budgetSource } : null, source: v.source || null,
    });
  };
  const L = (k: string) => t(`climate.pathway.${k}`);
  return (
    <Modal open={open} title={L("createTitle")} okText={L("createOk")} cancelText={L("cancel")} width={720} confirmLoading={busy} destroyOnHidden
      onOk={() => void form.validateFields().then(submit)} onCancel={onCancel}>
      <Form form={form} layout="vertical" data-testid="target-form" initialValues={{ type: "base-year", method: "linear", baseYear: 2019, targetYear: 2030, reductionPct: 43, netZeroYear: 2050 }}>
        <Row gutter={12}>
          <Col xs={24} sm={12}><Form.Item name="type" label={L("type")}><Select options={(["base-year", "fixed-level", "baseline-scenario", "intensity"] as const).map((v) => ({ value: v, label: t(`climate.pathway.types.${v}`) }))} /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="name" label={L("name")}><Input maxLength={300} /></Form.Item></Col>
          <Col xs={10} sm={8}><Form.Item name="baseYear" label={L("baseYear")} rules={[{ required: true }]}><InputNumber min={1990} max={2100} style={{ width: "100%" }} /></Form.Item></Col>
          <Col xs={14} sm={16}><Form.Item name="baseEmissions" label={L("baseEmissions")} rules={[{ required: true }]}><InputNumber min={1} style={{ width: "100%" }} data-testid="target-base-emissions" /></Form.Item></Col>
          <Col xs={10} sm={8}><Form.Item name="targetYear" label={L("targetYear")} rules={[{ required: true }]}><InputNumber min={1991} max={2100} style={{ width: "100%" }} /></Form.Item></Col>
          {type === "fixed-level"
            ? <Col xs={14} sm={16}><Form.Item name="targetLevel" label={L("level")} rules={[{ required: true }]}><InputNumber min={0} style={{ width: "100%" }} /></Form.Item></Col>
            : <Col xs={14} sm={16}><Form.Item name="reductionPct" label={L("reduction")} rules={[{ required: true }]}><InputNumber min={0} max={100} style={{ width: "100%" }} /></Form.Item></Col>}
          <Col xs={10} sm={8}><Form.Item name="netZeroYear" label={L("netZeroYear")}><InputNumber min={2020} max={2100} style={{ width: "100%" }} /></Form.Item></Col>
          <Col xs={14} sm={8}><Form.Item name="method" label={L("method")}><Select options={(["linear", "constant-rate"] as const).map((m) => ({ value: m, label: t(`climate.pathway.methods.${m}`) }))} /></Form.Item></Col>
          <Col xs={24} sm={8}><Form.Item name="basePopulation" label={L("basePopulation")} rules={[{ required: type === "intensity" }]}><InputNumber min={1} style={{ width: "100%" }} /></Form.Item></Col>
        </Row>
        <Form.Item label={L("bau")} style={{ marginBottom: 0 }}>
          <Row gutter={12}>
            <Col xs={24} sm={8}><Form.Item name="popGrowth" label={L("popGrowth")} rules={[{ required: type === "baseline-scenario" }]}><InputNumber min={-10} max={20} step={0.1} style={{ width: "100%" }} /></Form.Item></Col>
            <Col xs={24} sm={8}><Form.Item name="gdpGrowth" label={L("gdpGrowth")} rules={[{ required: type === "baseline-scenario" }]}><InputNumber min={-20} max={30} step={0.1} style={{ width: "100%" }} /></Form.Item></Col>
            <Col xs={24} sm={8}><Form.Item name="intensity" label={L("intensity")}><InputNumber min={-30} max={30} step={0.1} style={{ width: "100%" }} /></Form.Item></Col>
          </Row>
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}><Form.Item name="budget" label={L("budget")}><InputNumber min={1} style={{ width: "100%" }} /></Form.Item></Col>
          <Col span={14}><Form.Item name="budgetSource" label={L("budgetSource")}><Input maxLength={300} /></Form.Item></Col>
          <Col span={24}><Form.Item name="source" label={L("source")}><Input maxLength={300} /></Form.Item></Col>
        </Row>
      </Form>
      <ProblemList error={error} />
    </Modal>
  );
}
