import { useState } from "react";
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Typography } from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ApiError } from "../../api";
import { useLang } from "../../lang";
import { type Practice, PRACTICE_THEMES, type PracticeTheme } from "../../practices-api";
import { practiceEditing, type PracticeRecord, recordOf } from "../../practices/editing";
import { ProblemList } from "../climate/ProblemList";

type Kind = "measured" | "modelled" | "target";
interface OutcomeValues { metric?: string; value?: string; unit?: string; baseline?: number | null; year?: number | null; kind?: Kind; source_url?: string; note?: string; indicator?: string | null }
interface Values {
  id: string; title_en?: string; title_zh?: string; summary_en?: string; summary_zh?: string; city: string; country: string; themes: PracticeTheme[];
  start_year?: number | null; end_year?: number | null; transferability?: string;
  measures: string[]; outcomes: OutcomeValues[]; sources: { title?: string; url?: string; publisher?: string; year?: number | null }[];
}

const opt = (s?: string | null) => (s && s.trim() ? s.trim() : null);
const num = (x?: number | null) => (x === undefined || x === null ? null : x);
const NUMBER_OR_RANGE = /^-?\d+(\.\d+)?(-\d+(\.\d+)?)?$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slugOf = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);

function toForm(r: PracticeRecord): Values {
  return {
    id: r.id, title_en: r.title_en ?? undefined, title_zh: r.title_zh ?? undefined, summary_en: r.summary_en ?? undefined, summary_zh: r.summary_zh ?? undefined,
    city: r.city, country: r.country, themes: r.themes, start_year: r.start_year, end_year: r.end_year, transferability: r.transferability ?? undefined,
    measures: r.measures,
    outcomes: r.outcomes.map((o) => ({ ...o, value: String(o.value), note: o.note ?? undefined })),
    sources: r.sources.map((s) => ({ title: s.title, url: s.url, publisher: s.publisher ?? undefined, year: s.year })),
  };
}

/** The form's values as the API's record; cost and assessment (not edited here) are kept from `base`. */
function toRecord(v: Values, base: PracticeRecord | null): PracticeRecord {
  return {
    id: v.id.trim(), title_en: opt(v.title_en), title_zh: opt(v.title_zh), city: v.city.trim(), country: v.country.trim().toUpperCase(), themes: v.themes,
    start_year: num(v.start_year), end_year: num(v.end_year), summary_en: opt(v.summary_en), summary_zh: opt(v.summary_zh),
    measures: (v.measures ?? []).map((m) => m?.trim()).filter((m): m is string => !!m),
    outcomes: (v.outcomes ?? []).map((o) => {
      const value = (o.value ?? "").trim();
      return {
        metric: (o.metric ?? "").trim(), value: /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value, unit: (o.unit ?? "").trim(),
        baseline: num(o.baseline), year: num(o.year), note: opt(o.note), source_url: o.source_url ?? "", indicator: o.indicator ?? null, kind: o.kind ?? "measured",
      };
    }),
    cost: base?.cost ?? null,
    transferability: opt(v.transferability),
    assessment: base?.assessment ?? null,
    sources: (v.sources ?? []).map((s) => ({ title: (s.title ?? "").trim(), url: (s.url ?? "").trim(), publisher: opt(s.publisher), year: num(s.year) })),
  };
}

/**
 * Adds a practice, or — given `practice` — edits it against the version read (its updatedAt as the
 * ETag): both languages' title and summary, city, themes, measures, outcomes with unit, baseline,
 * year, kind and source, and the sources. A 409 says someone saved first and offers their version.
 */
export function PracticeForm({ practice, open, onClose }: { practice?: Practice; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState<{ record: PracticeRecord; updatedAt: string } | null>(practice ? { record: recordOf(practice), updatedAt: practice.updatedAt } : null);
  const [idTouched, setIdTouched] = useState(false);
  const sources = Form.useWatch("sources", form) ?? [];
  const sourceOptions = sources.filter((s) => s?.url).map((s) => ({ value: s.url!, label: s.title ? `${s.title} — ${s.url}` : s.url! }));
  const save = useMutation({
    mutationFn: (v: Values) => {
      const record = toRecord(v, base?.record ?? null);
      return base && practice ? practiceEditing.replace(practice.id, record, base.updatedAt) : practiceEditing.create(record);
    },
    onSuccess: (p) => {
      onClose();
      client.setQueryData(["practice", p.id], p);
      void client.invalidateQueries({ queryKey: ["practices"] });
      void message.success(practice ? t("practiceEditing.saved") : t("practiceEditing.created"));
      if (!practice) navigate(`/practices/${encodeURIComponent(p.id)}`);
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409 ? (save.error.problem as { current?: Practice }).current ?? null : null;
  const loadTheirs = () => {
    if (!conflict) return;
    setBase({ record: recordOf(conflict), updatedAt: conflict.updatedAt });
    form.setFieldsValue(toForm(recordOf(conflict)));
    client.setQueryData(["practice", conflict.id], conflict);
    save.reset();
  };
  const req = [{ required: true, message: t("practiceEditing.required") }];
  const initial: Partial<Values> = base ? toForm(base.record) : { themes: [], measures: [""], outcomes: [], sources: [{}] };
  const title = practice ? (lang === "zh" ? practice.title.zh ?? practice.title.en : practice.title.en ?? practice.title.zh) ?? practice.id : "";
  return (
    <Modal open={open} width={960} destroyOnHidden onCancel={onClose} title={practice ? t("practiceEditing.editTitle", { title }) : t("practiceEditing.newTitle")}
      okText={practice ? t("practiceEditing.save") : t("practiceEditing.create")} cancelText={t("practiceEditing.cancel")}
      okButtonProps={{ loading: save.isPending, "data-testid": "practice-form-submit" }} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} data-testid="practice-form"
        onValuesChange={(changed: Partial<Values>) => {
          if (!practice && !idTouched && changed.title_en !== undefined) form.setFieldValue("id", slugOf(changed.title_en ?? ""));
        }}>
        <Row gutter={12}>
          <Col xs={24} md={12}><Form.Item name="title_en" label={t("practiceEditing.titleEn")} dependencies={["title_zh"]}
            rules={[({ getFieldValue }) => ({ validator: (_, v: string | undefined) => (opt(v) || opt(getFieldValue("title_zh") as string | undefined) ? Promise.resolve() : Promise.reject(new Error(t("practiceEditing.titleNeeded")))) })]}>
            <Input data-testid="practice-title-en" maxLength={300} /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="title_zh" label={t("practiceEditing.titleZh")}><Input lang="zh-CN" data-testid="practice-title-zh" maxLength={300} /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="summary_en" label={t("practiceEditing.summaryEn")}><Input.TextArea rows={3} data-testid="practice-summary-en" maxLength={5000} /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="summary_zh" label={t("practiceEditing.summaryZh")}><Input.TextArea rows={3} lang="zh-CN" data-testid="practice-summary-zh" maxLength={5000} /></Form.Item></Col>
          <Col xs={24} md={12}>
            <Form.Item name="id" label={t("practiceEditing.id")} extra={practice ? undefined : t("practiceEditing.idHelp")} rules={[...req, { pattern: SLUG, message: t("practiceEditing.idPattern") }]}>
              <Input disabled={!!practice} data-testid="practice-id" onChange={() => setIdTouched(true)} maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}><Form.Item name="themes" label={t("practiceEditing.themes")} rules={req}>
            <Select mode="multiple" data-testid="practice-themes" options={PRACTICE_THEMES.map((th) => ({ value: th, label: t(`practices.themes.${th}`) }))} />
          </Form.Item></Col>
          <Col xs={24} md={8}><Form.Item name="city" label={t("practiceEditing.city")} rules={req}><Input data-testid="practice-city" maxLength={200} /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item name="country" label={t("practiceEditing.country")} rules={[...req, { pattern: /^[A-Za-z]{2}$/, message: t("practiceEditing.countryPattern") }]}>
            <Input data-testid="practice-country" maxLength={2} style={{ textTransform: "uppercase" }} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="start_year" label={t("practiceEditing.startYear")}><InputNumber min={1800} max={2100} precision={0} style={{ width: "100%" }} data-testid="practice-start-year" /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="end_year" label={t("practiceEditing.endYear")}><InputNumber min={1800} max={2100} precision={0} style={{ width: "100%" }} data-testid="practice-end-year" /></Form.Item></Col>
        </Row>

        <Typography.Title level={3} style={{ fontSize: 16 }}>{t("practiceEditing.measures")}</Typography.Title>
        <Form.List name="measures">
          {(fields, { add, remove }) => (
            <div data-testid="practice-measures-edit">
              {fields.map((f, i) => (
                <div key={f.key} style={{ display: "flex", alignItems: "baseline", gap: 8 }}>
                  <Form.Item name={f.name} style={{ flex: 1, minWidth: 0 }}><Input aria-label={t("practiceEditing.measure", { n: i + 1 })} data-testid={`practice-measure-${i}`} maxLength={1000} /></Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={`${t("practiceEditing.remove")}: ${t("practiceEditing.measure", { n: i + 1 })}`} onClick={() => remove(f.name)} />
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add("")} data-testid="practice-add-measure">{t("practiceEditing.addMeasure")}</Button>
            </div>
          )}
        </Form.List>

        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{t("practiceEditing.sources")}</Typography.Title>
        <Form.List name="sources" rules={[{ validator: (_, v: unknown[]) => (v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error(t("practiceEditing.sourcesNeeded")))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="practice-sources-edit">
              {fields.map((f, i) => (
                <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={t("practiceEditing.source", { n: i + 1 })}
                  extra={<Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)}>{t("practiceEditing.remove")}</Button>}>
                  <Row gutter={12}>
                    <Col xs={24} md={12}><Form.Item name={[f.name, "title"]} label={t("practiceEditing.sourceTitle")} rules={req}><Input data-testid={`practice-source-title-${i}`} maxLength={500} /></Form.Item></Col>
                    <Col xs={24} md={12}><Form.Item name={[f.name, "url"]} label={t("practiceEditing.sourceUrl")} rules={[...req, { pattern: /^https?:\/\/\S+$/, message: t("practiceEditing.urlPattern") }]}><Input data-testid={`practice-source-url-${i}`} maxLength={2000} /></Form.Item></Col>
                    <Col xs={24} sm={16} md={12}><Form.Item name={[f.name, "publisher"]} label={t("practiceEditing.publisher")}><Input data-testid={`practice-source-publisher-${i}`} maxLength={300} /></Form.Item></Col>
                    <Col xs={12} sm={8} md={6}><Form.Item name={[f.name, "year"]} label={t("practiceEditing.sourceYear")}><InputNumber min={1800} max={2100} precision={0} style={{ width: "100%" }} data-testid={`practice-source-year-${i}`} /></Form.Item></Col>
                  </Row>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="practice-add-source">{t("practiceEditing.addSource")}</Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>

        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{t("practiceEditing.outcomes")}</Typography.Title>
        <Form.List name="outcomes">
          {(fields, { add, remove }) => (
            <div data-testid="practice-outcomes-edit">
              {fields.length === 0 && <Typography.Paragraph type="secondary">{t("practiceEditing.noOutcome")}</Typography.Paragraph>}
              {fields.map((f, i) => (
                <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={t("practiceEditing.outcome", { n: i + 1 })}
                  extra={<Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)}>{t("practiceEditing.remove")}</Button>}>
                  <Row gutter={12}>
                    <Col xs={24} md={12}><Form.Item name={[f.name, "metric"]} label={t("practiceEditing.metric")} rules={req}><Input data-testid={`practice-outcome-metric-${i}`} maxLength={300} /></Form.Item></Col>
                    <Col xs={12} md={6}><Form.Item name={[f.name, "value"]} label={t("practiceEditing.value")} extra={t("practiceEditing.valueHelp")}
                      rules={[...req, { pattern: NUMBER_OR_RANGE, message: t("practiceEditing.valuePattern") }]}><Input inputMode="decimal" data-testid={`practice-outcome-value-${i}`} /></Form.Item></Col>
                    <Col xs={12} md={6}><Form.Item name={[f.name, "unit"]} label={t("practiceEditing.unit")} rules={req}><Input data-testid={`practice-outcome-unit-${i}`} maxLength={60} /></Form.Item></Col>
                    <Col xs={12} md={6}><Form.Item name={[f.name, "baseline"]} label={t("practiceEditing.baseline")}><InputNumber style={{ width: "100%" }} data-testid={`practice-outcome-baseline-${i}`} /></Form.Item></Col>
                    <Col xs={12} md={6}><Form.Item name={[f.name, "year"]} label={t("practiceEditing.year")}><InputNumber min={1800} max={2100} precision={0} style={{ width: "100%" }} data-testid={`practice-outcome-year-${i}`} /></Form.Item></Col>
                    <Col xs={24} md={12}><Form.Item name={[f.name, "kind"]} label={t("practiceEditing.kind")} rules={req}>
                      <Select data-testid={`practice-outcome-kind-${i}`} options={(["measured", "modelled", "target"] as const).map((k) => ({ value: k, label: t(`practiceEditing.kinds.${k}`) }))} />
                    </Form.Item></Col>
                    <Col xs={24} md={12}><Form.Item name={[f.name, "source_url"]} label={t("practiceEditing.outcomeSource")} extra={t("practiceEditing.outcomeSourceHelp")} rules={req}>
                      <Select data-testid={`practice-outcome-source-${i}`} options={sourceOptions} />
                    </Form.Item></Col>
                    <Col xs={24} md={12}><Form.Item name={[f.name, "note"]} label={t("practiceEditing.note")}><Input data-testid={`practice-outcome-note-${i}`} maxLength={1000} /></Form.Item></Col>
                  </Row>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: "measured", source_url: sourceOptions[0]?.value })} data-testid="practice-add-outcome">{t("practiceEditing.addOutcome")}</Button>
            </div>
          )}
        </Form.List>

        <Form.Item name="transferability" label={t("practiceEditing.transferability")} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} data-testid="practice-transferability-edit" maxLength={5000} />
        </Form.Item>
        {practice && (practice.cost || practice.assessment) && <Typography.Paragraph type="secondary">{t("practiceEditing.keptAsIs")}</Typography.Paragraph>}
      </Form>
      <div aria-live="polite">
        {conflict ? (
          <Alert type="warning" showIcon data-testid="practice-conflict" title={t("practiceEditing.conflict", { at: new Date(conflict.updatedAt).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB") })}
            description={<Space wrap>{t("practiceEditing.conflictHelp")}<Button size="small" onClick={loadTheirs} data-testid="practice-load-theirs">{t("practiceEditing.loadTheirs")}</Button></Space>} />
        ) : save.error instanceof ApiError && save.error.status === 409 ? (
          <Alert type="error" showIcon data-testid="practice-exists" title={t("practiceEditing.exists")} />
        ) : (
          <ProblemList error={save.error} title={save.error ? `${t("practiceEditing.invalid")} ${save.error.message}` : undefined} testId="practice-form-problems" />
        )}
      </div>
    </Modal>
  );
}
