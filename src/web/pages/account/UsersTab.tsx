import { useState, type HTMLAttributes } from "react";
import { App, Button, Checkbox, Form, Input, Modal, Space, Table, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { accountApi, MIN_PASSWORD, type NewUser, type User } from "../../account/api";
import { ErrorState, Loading } from "../../components/States";
import { formatDateTime, useLang } from "../../lang";
import { AdminTag, RoleTag } from "./RoleTag";
import { PasswordInput } from "../../components/PasswordInput";

export const USERS_KEY = ["admin", "users"];

export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: ({ signal }) => accountApi.users(signal) });
}

function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<NewUser>();
  const create = useMutation({
    mutationFn: (v: NewUser) => accountApi.createUser({ ...v, email: v.email.trim(), name: v.name.trim(), isAdmin: v.isAdmin === true }),
    onSuccess: (u) => {
      void message.success(t("account.users.created_ok", { email: u.email }));
      void qc.invalidateQueries({ queryKey: USERS_KEY });
      form.resetFields();
      onClose();
    },
    onError: (err) => void message.error(err.message),
  });
  return (
    <Modal open={open} title={t("account.users.createTitle")} onCancel={onClose} destroyOnHidden
      okText={t("account.users.save")} cancelText={t("account.users.cancel")} confirmLoading={create.isPending}
      onOk={() => form.submit()} okButtonProps={{ "data-testid": "user-create-save" }}>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="user-form" initialValues={{ isAdmin: false }}>
        <Form.Item name="email" label={t("account.users.email")} rules={[
          { required: true, whitespace: true, message: t("account.users.emailRequired") },
          { type: "email", message: t("account.users.emailInvalid") },
        ]}>
          <Input type="email" autoComplete="off" autoFocus data-testid="user-email" />
        </Form.Item>
        <Form.Item name="name" label={t("account.users.name")} rules={[{ required: true, whitespace: true, message: t("account.users.nameRequired") }, { max: 200 }]}>
          <Input data-testid="user-name" />
        </Form.Item>
        <Form.Item name="password" label={t("account.users.password")} extra={t("account.users.passwordHelp", { min: MIN_PASSWORD })}
          rules={[{ required: true, min: MIN_PASSWORD, message: t("account.users.passwordShort", { min: MIN_PASSWORD }) }, { max: 200 }]}>
          <PasswordInput autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item name="isAdmin" valuePropName="checked">
          <Checkbox data-testid="user-admin">{t("account.users.isAdmin")}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Administration › Users: the table and the "create user" form. */
export function UsersTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const users = useUsers();
  const [open, setOpen] = useState(false);
  if (users.isLoading) return <Loading rows={4} />;
  if (users.error) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  const list = users.data?.users ?? [];
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="users-tab">
      <Space style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Text type="secondary">{t("account.users.count", { count: list.length })}</Typography.Text>
        <Button type="primary" onClick={() => setOpen(true)} data-testid="user-create">{t("account.users.create")}</Button>
      </Space>
      <Table<User>
        size="small"
        rowKey="id"
        data-testid="users-table"
        dataSource={list}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t("account.users.empty") }}
        onRow={(u) => ({ "data-testid": `user-row-${u.email}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: "name", title: t("account.users.name"), dataIndex: "name", sorter: (a, b) => a.name.localeCompare(b.name) },
          { key: "email", title: t("account.users.email"), dataIndex: "email", sorter: (a, b) => a.email.localeCompare(b.email) },
          {
            key: "roles", title: t("account.users.roles"),
            render: (_, u) => (
              <Space wrap size={4}>
                {u.isAdmin && <AdminTag />}
                {u.roles.map((g) => <RoleTag key={`${g.role}:${g.scope}`} grant={g} />)}
                {!u.isAdmin && u.roles.length === 0 && <Typography.Text type="secondary">{t("account.grants.none")}</Typography.Text>}
                {u.disabled && <Typography.Text type="danger">{t("account.users.disabled")}</Typography.Text>}
              </Space>
            ),
          },
          { key: "created", title: t("account.users.created"), render: (_, u) => formatDateTime(u.createdAt, lang) },
        ]}
      />
      <CreateUserModal open={open} onClose={() => setOpen(false)} />
    </Space>
  );
}
