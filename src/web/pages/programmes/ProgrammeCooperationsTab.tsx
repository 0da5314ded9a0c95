import { useState } from "react";
import { Alert, Button, Card, Checkbox, Col, Empty, Form, Input, Modal, Row, Select, Space, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { cityName } from "../../api";
import { ErrorState, Loading } from "../../components/States";
import { cooperationsApi, type Cooperation, MEMBER_ROLES, type MemberRole } from "../../cooperations/api";
import { useLang } from "../../lang";
import { ProblemList } from "../climate/ProblemList";
import { PROGRAMME_THEMES, type Programme, programmesApi } from "../../programmes/api";
import { ThemeTags, TwoNames } from "../../programmes/ui";
import { Can, write } from "../../account/permissions";
import { CityName } from "../../components/Orig";

interface Values { nameEn: string; nameZh?: string; themes?: string[]; start?: string; end?: string }
const opt = (s?: string) => (s && s.trim() ? s.trim() : null);
const STATUS_COLOR: Record<string, string> = { proposed: "default", agreed: "blue", active: "green", completed: "purple", discontinued: "red" };

/** "Form a cooperation": name, themes, period and members from the programme's accepted applications, each with a role. */
function FormCooperation({ programme, open, onClose }: { programme: Programme; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [roles, setRoles] = useState<Record<string, MemberRole | undefined>>({});
  const accepted = useQuery({ queryKey: ["programme-applications", programme.id, "accepted"], queryFn: ({ signal }) => programmesApi.programmeApplications(programme.id, "accepted", signal), enabled: open });
  const cities = [...new Map((accepted.data?.applications ?? []).map((a) => [a.city.slug, a.city])).values()];
  const chosen = Object.entries(roles).filter((e): e is [string, MemberRole] => e[1] !== undefined);
  const sideOf = (country: string) => programme.sides.find((s) => s.countries.includes(country))?.key ?? null;
  const create = useMutation({
    mutationFn: (v: Values) =>
      cooperationsApi.create({
        programmeId: programme.id,
        names: { en: v.nameEn.trim(), zh: opt(v.nameZh) },
        themes: v.themes ?? [],
        startDate: opt(v.start),
        endDate: opt(v.end),
        members: chosen.map(([slug, role]) => ({ slug, role, side: sideOf(cities.find((c) => c.slug === slug)?.country ?? "") })),
      }),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: ["programme-cooperations", programme.id] });
      void client.invalidateQueries({ queryKey: ["programme", programme.id] });
      onClose();
      navigate(`/cooperations/${encodeURIComponent(c.id)}`);
    },
  });
  const req = [{ required: true, message: t("programmes.form.required") }];
  return (
    <Modal open={open} title={t("programmes.coop.form")} onCancel={onClose} width={720} destroyOnHidden
      okText={t("programmes.coop.create")} cancelText={t("programmes.form.cancel")}
      okButtonProps={{ loading: create.isPending, disabled: chosen.length < 2, "data-testid": "cooperation-create-submit" }} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="cooperation-form">
        <Row gutter={12}>
          <Col xs={24} sm={12}><Form.Item name="nameEn" label={t("programmes.coop.nameEn")} rules={req}><Input data-testid="cooperation-name-en" /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="nameZh" label={t("programmes.coop.nameZh")}><Input lang="zh-CN" data-testid="cooperation-name-zh" /></Form.Item></Col>
          <Col xs={24} sm={12}>
            <Form.Item name="themes" label={t("programmes.themes")}>
              <Select mode="tags" data-testid="cooperation-themes" options={PROGRAMME_THEMES.map((th) => ({ value: th, label: t(`programmes.theme.${th}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}><Form.Item name="start" label={t("programmes.coop.start")}><Input type="date" /></Form.Item></Col>
          <Col xs={12} sm={6}><Form.Item name="end" label={t("programmes.coop.end")}><Input type="date" /></Form.Item></Col>
        </Row>
        <fieldset className="cb-facet" data-testid="cooperation-members">
          <legend>{t("programmes.coop.members")}</legend>
          {accepted.error ? <ErrorState error={accepted.error} /> : !accepted.data ? <Loading rows={2} /> : cities.length === 0 ? (
            <Alert type="info" showIcon title={t("programmes.coop.noAccepted")} data-testid="cooperation-no-accepted" />
          ) : cities.map((c) => (
            <Space key={c.slug} style={{ display: "flex", marginBottom: 6 }}>
              <Checkbox checked={roles[c.slug] !== undefined} data-testid={`member-${c.slug}`}
                onChange={(e) => setRoles((r) => ({ ...r, [c.slug]: e.target.checked ? "partner" : undefined }))}>
                <CityName names={c.names} />
              </Checkbox>
              <Select<MemberRole> size="small" style={{ width: 160 }} disabled={roles[c.slug] === undefined} value={roles[c.slug] ?? null}
                aria-label={`${t("programmes.coop.role")} — ${cityName(c.names, lang)}`} data-testid={`member-role-${c.slug}`}
                onChange={(role) => setRoles((r) => ({ ...r, [c.slug]: role }))}
                options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`programmes.coop.roles.${r}`) }))} />
            </Space>
          ))}
          {cities.length > 0 && chosen.length < 2 && <Typography.Text type="secondary">{t("programmes.coop.needTwo")}</Typography.Text>}
        </fieldset>
      </Form>
      <ProblemList error={create.error} testId="cooperation-create-problems" />
    </Modal>
  );
}

/** The cooperations of a programme (GET /api/v1/cooperations?programme=ID), each linking to its page; and "Form a cooperation". */
export default function ProgrammeCooperationsTab({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [forming, setForming] = useState(false);
  const programme = useQuery({ queryKey: ["programme", programmeId], queryFn: ({ signal }) => programmesApi.get(programmeId, signal) });
  const list = useQuery({ queryKey: ["programme-cooperations", programmeId], queryFn: ({ signal }) => cooperationsApi.list({ programme: programmeId }, signal) });
  const error = programme.error ?? list.error;
  if (error) return <ErrorState error={error} onRetry={() => { void programme.refetch(); void list.refetch(); }} />;
  if (!programme.data || !list.data) return <Loading rows={5} />;
  return (
    <Card size="small" title={t("programmes.coop.title")} data-testid="programme-cooperations"
      extra={<Can check={write("POST", "/cooperations", { programmeId })} signInHint><Button type="primary" onClick={() => setForming(true)} data-testid="form-cooperation">{t("programmes.coop.form")}</Button></Can>}>
      {list.data.cooperations.length === 0 ? <Empty description={t("programmes.coop.empty")} data-testid="cooperations-empty" /> : (
        <ItemList<Cooperation>
          dataSource={list.data.cooperations}
          renderItem={(c) => (
            <ItemList.Item data-testid={`cooperation-${c.id}`}>
              <ItemList.Item.Meta
                title={<Space wrap><Link to={`/cooperations/${encodeURIComponent(c.id)}`}><TwoNames names={c.names} lang={lang} /></Link>
                  <Tag color={STATUS_COLOR[c.status]}>{t(`programmes.coop.statuses.${c.status}`)}</Tag></Space>}
                description={
                  <Space orientation="vertical" size={2}>
                    <Space wrap size={4}>
                      {c.members.map((m) => <Tag key={m.slug}><Link to={`/cities/${m.slug}`}><CityName names={m.names} /></Link> · {t(`programmes.coop.roles.${m.role}`)}</Tag>)}
                    </Space>
                    <ThemeTags themes={c.themes} />
                  </Space>
                }
              />
            </ItemList.Item>
          )}
        />
      )}
      <FormCooperation programme={programme.data} open={forming} onClose={() => setForming(false)} />
    </Card>
  );
}
