import { type HTMLAttributes, useState } from "react";
import { Alert, Button, Card, Checkbox, Col, Empty, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from "antd";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { cityName } from "../../api";
import { ErrorState, Loading } from "../../components/States";
import { cooperationsApi, type Cooperation, MEMBER_ROLES, type MemberRole } from "../../cooperations/api";
import { useLang } from "../../lang";
import { ProblemList } from "../climate/ProblemList";
import { PROGRAMME_THEMES, type Programme, programmesApi } from "../../programmes/api";
import { useProgramme } from "../../programmes/useProgramme";
import { ThemeTags, TwoNames } from "../../programmes/ui";
import { Can, write } from "../../account/permissions";
import { CityName } from "../../components/Orig";
import { usePageParam } from "../../components/usePageParam";
import { serverPaging } from "../../components/serverPaging";

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

const PAGE_SIZE = 10;

/**
 * The cooperations of a programme (GET /api/v1/cooperations?programme=ID), a page at a time from the
 * API (the page in the address as `?cpage=`), each linking to its page; and "Form a cooperation".
 */
export default function ProgrammeCooperationsTab({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [forming, setForming] = useState(false);
  const [page, setPage] = usePageParam("cpage");
  const programme = useProgramme(programmeId);
  const list = useQuery({
    queryKey: ["programme-cooperations", programmeId, page],
    queryFn: ({ signal }) => cooperationsApi.list({ programme: programmeId }, signal, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const error = programme.error ?? list.error;
  if (error) return <ErrorState error={error} onRetry={() => { void programme.refetch(); void list.refetch(); }} />;
  if (!programme.data || !list.data) return <Loading rows={5} />;
  const data = list.data;
  return (
    <Card size="small" title={t("programmes.coop.title")} data-testid="programme-cooperations"
      extra={<Can check={write("POST", "/cooperations", { programmeId })} signInHint><Button type="primary" onClick={() => setForming(true)} data-testid="form-cooperation">{t("programmes.coop.form")}</Button></Can>}>
      {data.total === 0 ? <Empty description={t("programmes.coop.empty")} data-testid="cooperations-empty" /> : (
        <Table<Cooperation>
          size="small"
          rowKey="id"
          data-testid="programme-cooperations-table"
          dataSource={data.cooperations}
          loading={list.isFetching && list.isPlaceholderData}
          scroll={{ x: "max-content" }}
          onRow={(c) => ({ "data-testid": `cooperation-${c.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={serverPaging(t, { page, pageSize: PAGE_SIZE, total: data.total, setPage, rangeTestId: "programme-cooperations-range", list: t("programmes.coop.title") })}
          columns={[
            {
              key: "name",
              title: t("paging.cooperations.name"),
              render: (_, c) => <Link to={`/cooperations/${encodeURIComponent(c.id)}`} data-testid={`cooperation-link-${c.id}`}><TwoNames names={c.names} lang={lang} /></Link>,
            },
            { key: "status", title: t("paging.cooperations.status"), render: (_, c) => <Tag color={STATUS_COLOR[c.status]}>{t(`programmes.coop.statuses.${c.status}`)}</Tag> },
            {
              key: "members",
              title: t("paging.cooperations.members"),
              render: (_, c) => (
                <Space wrap size={4}>
                  {c.members.map((m) => <Tag key={m.slug}><Link to={`/cities/${m.slug}`}><CityName names={m.names} /></Link> · {t(`programmes.coop.roles.${m.role}`)}</Tag>)}
                </Space>
              ),
            },
            { key: "themes", title: t("paging.cooperations.themes"), render: (_, c) => <ThemeTags themes={c.themes} /> },
          ]}
        />
      )}
      <FormCooperation programme={programme.data} open={forming} onClose={() => setForming(false)} />
    </Card>
  );
}
