import { useState } from "react";
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { accountApi, type ApiToken } from "../../account/api";
import { ErrorState, Loading } from "../../components/States";
import { formatDateTime, useLang } from "../../lang";

/** The user's API tokens: list, create (the secret is shown once), revoke. */
export function TokensCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const tokens = useQuery({ queryKey: ["account", "tokens"], queryFn: ({ signal }) => accountApi.tokens(signal) });
  const create = useMutation({
    mutationFn: (name: string) => accountApi.createToken(name),
    onSuccess: (r) => {
      setCreated({ name: r.token.name, secret: r.secret });
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ["account", "tokens"] });
    },
    onError: (err) => void message.error(err.message),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => accountApi.revokeToken(id),
    onSuccess: () => {
      void message.success(t("account.tokens.revokedDone"));
      void qc.invalidateQueries({ queryKey: ["account", "tokens"] });
    },
    onError: (err) => void message.error(err.message),
  });
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : t("account.tokens.never"));

  return (
    <Card title={t("account.tokens.title")} size="small" data-testid="tokens-card">
      <Typography.Paragraph type="secondary"><Trans i18nKey="account.tokens.intro" components={{ code: <code /> }} /></Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => create.mutate(v.name.trim())} style={{ marginBottom: 16 }} data-testid="token-form">
        <Form.Item name="name" label={t("account.tokens.newName")} rules={[{ required: true, whitespace: true, message: t("account.tokens.nameRequired") }, { max: 100 }]}>
          <Input placeholder={t("account.tokens.newNamePlaceholder")} maxLength={100} data-testid="token-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="token-create">{t("account.tokens.create")}</Button>
      </Form>
      {tokens.isLoading ? <Loading rows={2} /> : tokens.error ? <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} /> : (
        <Table<ApiToken>
          size="small"
          rowKey="id"
          data-testid="tokens-table"
          pagination={false}
          dataSource={tokens.data?.tokens ?? []}
          locale={{ emptyText: <span data-testid="tokens-empty">{t("account.tokens.empty")}</span> }}
          columns={[
            { key: "name", title: t("account.tokens.name"), dataIndex: "name", render: (name: string) => <span data-content="name">{name}</span> },
            { key: "prefix", title: t("account.tokens.prefix"), render: (_, r) => <code>{r.prefix}…</code> },
            { key: "created", title: t("account.tokens.created"), render: (_, r) => formatDateTime(r.createdAt, lang) },
            { key: "lastUsed", title: t("account.tokens.lastUsed"), render: (_, r) => when(r.lastUsedAt) },
            {
              key: "status", title: t("account.tokens.status"),
              render: (_, r) => r.revokedAt ? <Tag data-testid={`token-revoked-${r.name}`}>{t("account.tokens.revoked", { at: formatDateTime(r.revokedAt, lang) })}</Tag> : <Tag color="green">{t("account.tokens.active")}</Tag>,
            },
            {
              key: "actions", title: "",
              render: (_, r) => r.revokedAt ? null : (
                <Popconfirm title={t("account.tokens.revokeConfirm", { name: r.name })} okText={t("account.tokens.revoke")} cancelText={t("account.users.cancel")} onConfirm={() => revoke.mutate(r.id)}>
                  <Button size="small" danger data-testid={`token-revoke-${r.name}`}>{t("account.tokens.revoke")}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={created !== null}
        title={created ? t("account.tokens.secretTitle", { name: created.name }) : ""}
        onCancel={() => setCreated(null)}
        footer={<Button type="primary" onClick={() => setCreated(null)} data-testid="token-secret-done">{t("account.tokens.done")}</Button>}
        destroyOnHidden
      >
        {created && (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Alert type="warning" showIcon title={t("account.tokens.secretWarning")} />
            <Typography.Paragraph
              copyable={{ text: created.secret, tooltips: [t("account.tokens.copy"), t("account.tokens.copied")] }}
              aria-label={t("account.tokens.secretLabel")}
              style={{ marginBottom: 0 }}
            >
              <code className="cb-example" data-testid="token-secret" style={{ wordBreak: "break-all" }}>{created.secret}</code>
            </Typography.Paragraph>
          </Space>
        )}
      </Modal>
    </Card>
  );
}
