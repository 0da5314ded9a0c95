import { Card, Descriptions, Result, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { signInUrl, useMe } from "../../account/api";
import { ErrorState, Loading } from "../../components/States";
import { formatDateTime, useLang } from "../../lang";
import { AdminTag, RoleTag } from "./RoleTag";
import { PasswordCard } from "./PasswordCard";
import { TokensCard } from "./TokensCard";

/** /account: who I am, my roles, my password, my API tokens. */
export default function AccountPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  if (me.isLoading) return <Loading rows={6} />;
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const user = me.data;
  if (!user) {
    return <Result status="403" title={t("account.accountPage.signIn")} data-testid="account-anonymous"
      extra={<Link to={signInUrl("/account")}>{t("account.signIn")}</Link>} />;
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%", maxWidth: 1000 }} data-testid="account-page">
      <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>{t("account.accountPage.title")}</Typography.Title>
      {/* A one-time password comes first: nothing else can be changed until it is. */}
      {user.mustChangePassword && <PasswordCard mustChange />}
      <Card title={t("account.accountPage.who")} size="small">
        <Descriptions size="small" column={1} data-testid="account-who" items={[
          { key: "name", label: t("account.accountPage.name"), children: <span data-content="name">{user.name}</span> },
          { key: "email", label: t("account.accountPage.email"), children: <span data-content="email">{user.email}</span> },
          { key: "since", label: t("account.accountPage.since"), children: formatDateTime(user.createdAt, lang) },
        ]} />
      </Card>
      <Card title={t("account.accountPage.rolesTitle")} size="small" data-testid="account-roles">
        {user.isAdmin && <Space orientation="vertical"><span><AdminTag /></span><Typography.Text type="secondary">{t("account.accountPage.adminAll")}</Typography.Text></Space>}
        {user.roles.length > 0 && <Space wrap style={{ marginTop: user.isAdmin ? 8 : 0 }}>{user.roles.map((g) => <RoleTag key={`${g.role}:${g.scope}`} grant={g} />)}</Space>}
        {!user.isAdmin && user.roles.length === 0 && <Typography.Text type="secondary" data-testid="account-no-roles">{t("account.accountPage.noRoles")}</Typography.Text>}
      </Card>
      {!user.mustChangePassword && <PasswordCard mustChange={false} />}
      <TokensCard />
    </Space>
  );
}
