import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Form, Input, Space, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorState, Loading } from "../../components/States";
import { useLang } from "../../lang";
import { ApiError } from "../../api";
import { type District, pickName, visionApi } from "../../vision/api";
import { Can, path, write } from "../../account/permissions";
import { type BoundaryGeometry, boundaryPoints } from "../../vision/boundary-file";
import { BoundaryEditor } from "./BoundaryEditor";

/** Names and boundary of a district (drawn on the map or from a GeoJSON file), saved against the version shown. */
function DistrictEditForm({ d, others, onDone, onConflict }: { d: District; others: BoundaryGeometry[]; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const [boundary, setBoundary] = useState<BoundaryGeometry | null>((d.boundary as BoundaryGeometry | null) ?? null);
  const save = useMutation({
    mutationFn: (v: { en: string; zh?: string }) => visionApi.updateDistrict(d, { names: { en: v.en, zh: v.zh || null }, boundary }),
    onSuccess: onDone,
    onError: (err) => { if (err instanceof ApiError && err.status === 409) onConflict(); },
  });
  return (
    <Form layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ en: d.names.en, zh: d.names.zh ?? undefined }} data-testid={`edit-district-form-${d.id}`}>
      <Space wrap align="start">
        <Form.Item name="en" label={t("vision.nameEn")} rules={[{ required: true, message: t("vision.required") }]}><Input data-testid="edit-district-en" /></Form.Item>
        <Form.Item name="zh" label={t("vision.nameZh")}><Input lang="zh-CN" /></Form.Item>
      </Space>
      <BoundaryEditor slug={d.city} value={boundary} onChange={setBoundary} others={others} />
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="edit-district-save">{t("vision.saveDistrict")}</Button>
        <Button onClick={onDone}>{t("vision.cancel")}</Button>
      </Space>
      {save.error && !(save.error instanceof ApiError && save.error.status === 409) && <Alert type="error" showIcon style={{ marginTop: 8 }} data-testid="edit-district-error" title={save.error.message} />}
    </Form>
  );
}

/** A new district of the city: names, and a boundary drawn or read from a file (optional). */
function NewDistrictForm({ slug, others, onDone }: { slug: string; others: BoundaryGeometry[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ en: string; zh?: string }>();
  const [boundary, setBoundary] = useState<BoundaryGeometry | null>(null);
  const create = useMutation({
    mutationFn: (v: { en: string; zh?: string }) => visionApi.createDistrict(slug, { names: { en: v.en, zh: v.zh || null }, boundary }),
    onSuccess: () => { form.resetFields(); setBoundary(null); onDone(); },
  });
  return (
    <Card size="small" title={t("vision.newDistrict")}>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="new-district">
        <Space wrap align="start">
          <Form.Item name="en" label={t("vision.nameEn")} rules={[{ required: true, message: t("vision.required") }]}><Input data-testid="district-name-en" /></Form.Item>
          <Form.Item name="zh" label={t("vision.nameZh")}><Input lang="zh-CN" data-testid="district-name-zh" /></Form.Item>
        </Space>
        <BoundaryEditor slug={slug} value={boundary} onChange={setBoundary} others={others} />
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="district-create">{t("vision.create")}</Button>
      </Form>
      {create.error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={create.error.message} data-testid="new-district-error" />}
    </Card>
  );
}

function NewProcessForm({ district, onDone }: { district: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useMutation({ mutationFn: (v: { en: string; zh?: string; startsOn: string }) => visionApi.createProcess(district, { question: { en: v.en, zh: v.zh || null }, startsOn: v.startsOn }), onSuccess: onDone });
  return (
    <Form layout="inline" onFinish={(v) => create.mutate(v)} data-testid={`new-process-${district}`}>
      <Form.Item name="en" rules={[{ required: true, message: t("vision.required") }]}><Input placeholder={t("vision.questionEn")} aria-label={t("vision.questionEn")} data-testid="process-question-en" /></Form.Item>
      <Form.Item name="zh"><Input placeholder={t("vision.questionZh")} aria-label={t("vision.questionZh")} /></Form.Item>
      <Form.Item name="startsOn" rules={[{ required: true, message: t("vision.required") }]}><Input type="date" aria-label={t("vision.startsOn")} data-testid="process-starts-on" /></Form.Item>
      <Button htmlType="submit" loading={create.isPending} data-testid="process-create">{t("vision.newProcess")}</Button>
      {create.error && <Alert type="error" showIcon title={create.error.message} />}
    </Form>
  );
}

function DistrictCard({ d, slug, others, onChange }: { d: District; slug: string; others: BoundaryGeometry[]; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const boundary = d.boundary as BoundaryGeometry | null;
  return (
    <Card size="small" title={pickName(d.names, lang)} data-testid={`district-${d.id}`}
      extra={
        <Space>
          {d.names.zh && lang === "en" ? <span lang="zh-CN">{d.names.zh}</span> : null}
          <Typography.Text type="secondary">{t("vision.boundary")}: {boundary ? t("vision.boundaryPoints", { count: boundaryPoints(boundary) }) : t("vision.boundaryNone")}</Typography.Text>
          <Can check={write("PUT", path("districts", d.id))}><Button size="small" onClick={() => { setConflict(false); setEditing((e) => !e); }} aria-expanded={editing} data-testid={`edit-district-${d.id}`}>{t("vision.editDistrict")}</Button></Can>
        </Space>
      }>
      {conflict && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("vision.districtConflict")} data-testid="edit-district-conflict" />}
      {editing && <div style={{ marginBottom: 12 }}><DistrictEditForm d={d} others={others} onDone={() => { setEditing(false); onChange(); }} onConflict={() => { setEditing(false); setConflict(true); onChange(); }} /></div>}
      {d.processes.length === 0 ? <Typography.Text type="secondary">{t("vision.noProcesses")}</Typography.Text> : (
        <ItemList size="small" dataSource={d.processes} renderItem={(p) => (
          <ItemList.Item key={p.id}>
            <Space wrap>
              <Link to={`/cities/${slug}/districts/${d.id}?process=${p.id}`} data-testid={`process-link-${p.id}`}>{pickName(p.question, lang)}</Link>
              <Tag color={p.status === "open" ? "green" : "default"}>{t(`vision.status.${p.status}`)}</Tag>
              <Typography.Text type="secondary">{p.startsOn}{p.endsOn ? ` – ${p.endsOn}` : ""} · {t("vision.counts", { participants: p.participants, statements: p.statements, votes: p.votes })}</Typography.Text>
            </Space>
          </ItemList.Item>
        )} />
      )}
      <Can check={write("POST", path("districts", d.id, "processes"))}><div style={{ marginTop: 8 }}><NewProcessForm district={d.id} onDone={onChange} /></div></Can>
    </Card>
  );
}

const boundaries = (ds: District[]): BoundaryGeometry[] => ds.flatMap((d) => (d.boundary ? [d.boundary as BoundaryGeometry] : []));

/** The city tab "District visions": districts and their vision processes; create a district or a process (readiness assessments start from their pilot or action on the cooperation page). */
export default function CityDistrictsTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const districts = useQuery({ queryKey: ["districts", slug], queryFn: ({ signal }) => visionApi.districts(slug, signal) });
  const refresh = () => void qc.invalidateQueries({ queryKey: ["districts", slug] });
  if (districts.isLoading) return <Loading />;
  if (districts.error || !districts.data) return <ErrorState error={districts.error} onRetry={() => void districts.refetch()} />;
  const items = districts.data.items;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="districts-tab">
      {items.length === 0 ? <Empty description={t("vision.noDistricts")} /> : items.map((d) => <DistrictCard key={d.id} d={d} slug={slug} others={boundaries(items.filter((x) => x.id !== d.id))} onChange={refresh} />)}
      <Can check={write("POST", path("cities", slug, "districts"))} signInHint><NewDistrictForm slug={slug} others={boundaries(items)} onDone={refresh} /></Can>
    </Space>
  );
}
