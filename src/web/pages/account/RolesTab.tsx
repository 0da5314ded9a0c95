import { App, Button, Card, Empty, Form, Popconfirm, Select, Space, Typography } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { accountApi, type RoleGrant, SCOPED_ROLES, type ScopedRole, type User } from "../../account/api";
import { ErrorState, Loading } from "../../components/States";
import HistoryPanel from "./HistoryPanel";
import { AdminTag, RoleTag } from "./RoleTag";
import { ScopeInput } from "./ScopeInput";
import { USERS_KEY, useUsers } from "./UsersTab";

function GrantForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ role: ScopedRole; scope?: string }>();
  const role = Form.useWatch("role", form) ?? "city_editor";
  const grant = useMutation({
    mutationFn: (g: RoleGrant) => accountApi.grantRole(user.id, g),
    onSuccess: () => {
      void message.success(t("account.grants.granted"));
      form.setFieldValue("scope", undefined);
      void qc.invalidateQueries({ queryKey: USERS_KEY });
      void qc.invalidateQueries({ queryKey: ["history", "user-roles", user.id] });
    },
    onError: (err) => void message.error(err.message),
  });
  return (
    <Form form={form} layout="inline" initialValues={{ role: "city_editor" }} data-testid="grant-form"
      onFinish={(v) => v.scope && grant.mutate({ role: v.role, scope: v.scope.trim() })}>
      <Form.Item name="role" label={t("account.grants.role")}>
        <Select<ScopedRole> style={{ width: 220 }} data-testid="grant-role" onChange={() => form.setFieldValue("scope", undefined)}
          options={SCOPED_ROLES.map((r) => ({ value: r, label: <span data-testid={`grant-role-${r}`}>{t(`account.roles.${r}`)}</span> }))} />
      </Form.Item>
      <Form.Item name="scope" label={t(`account.roles.scopeOf.${role}`)} rules={[{ required: true, whitespace: true, message: t("account.grants.scopeRequired") }]}>
        <ScopeInput role={role} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={grant.isPending} data-testid="grant-submit">{t("account.grants.grant")}</Button>
    </Form>
  );
}

function UserRoles({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const revoke = useMutation({
    mutationFn: (g: RoleGrant) => accountApi.revokeRole(user.id, g),
    onSuccess: () => {
      void message.success(t("account.grants.revokedDone"));
      void qc.invalidateQueries({ queryKey: USERS_KEY });
      void qc.invalidateQueries({ queryKey: ["history", "user-roles", user.id] });
    },
    onError: (err) => void message.error(err.message),
  });
  return (
    <Card size="small" title={t("account.grants.current", { name: user.name })} data-testid="user-roles">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        {user.isAdmin && <Space><AdminTag /><Typography.Text type="secondary">{t("account.grants.adminNote")}</Typography.Text></Space>}
        {user.roles.length === 0 && !user.isAdmin && <Typography.Text type="secondary" data-testid="user-no-roles">{t("account.grants.none")}</Typography.Text>}
        {user.roles.map((g) => (
          <Space key={`${g.role}:${g.scope}`}>
            <RoleTag grant={g} />
            <Popconfirm
              title={t("account.grants.revokeConfirm", { role: t(`account.roles.${g.role}`), scope: g.scope, name: user.name })}
              okText={t("account.grants.revoke")} cancelText={t("account.users.cancel")} onConfirm={() => revoke.mutate(g)}>
              <Button size="small" danger data-testid={`revoke-${g.role}-${g.scope}`}>{t("account.grants.revoke")}</Button>
            </Popconfirm>
          </Space>
        ))}
        <GrantForm user={user} />
      </Space>
    </Card>
  );
}

/** Administration › Roles: choose a user (?user=), see, grant and revoke their roles. */
export function RolesTab() {
  const { t } = useTranslation();
  const users = useUsers();
  const [params, setParams] = useSearchParams();
  const chosen = params.get("user") ?? undefined;
  if (users.isLoading) return <Loading rows={3} />;
  if (users.error) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  const list = users.data?.users ?? [];
  const user = list.find((u) => u.id === chosen);
  const choose = (id: string) => setParams((p) => { const next = new URLSearchParams(p); next.set("user", id); return next; }, { replace: true });
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="roles-tab">
      <div className="cb-picker">
        <label htmlFor="roles-user">{t("account.grants.user")}</label>
        <Select<string>
          id="roles-user"
          value={user?.id}
          onChange={choose}
          placeholder={t("account.grants.pickUser")}
          // 360 px on a desktop; on a phone as wide as the line leaves beside the label.
          style={{ flex: "0 1 360px", minWidth: 0 }}
          showSearch={{ optionFilterProp: "search" }}
          data-testid="roles-user"
          options={list.map((u) => ({ value: u.id, search: `${u.name} ${u.email}`, label: <span data-testid={`roles-user-${u.email}`}>{u.name} ({u.email})</span> }))}
        />
      </div>
      {user ? (
        <>
          <UserRoles user={user} />
          <HistoryPanel entity="user-roles" id={user.id} title={t("account.grants.history", { name: user.name })} />
        </>
      ) : <Empty description={t("account.grants.pickUser")} />}
    </Space>
  );
}
