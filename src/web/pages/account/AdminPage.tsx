import { Result, Space, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { switchTab } from "../../components/tabParams";
import { signInUrl, useMe } from "../../account/api";
import { ErrorState, Loading } from "../../components/States";
import { AuditTab } from "./AuditTab";
import { RolesTab } from "./RolesTab";
import { UsersTab } from "./UsersTab";

const TABS = ["users", "roles", "audit"] as const;
type Tab = (typeof TABS)[number];

/** The tabs' own parameters, kept while another tab is open: the audit trail's filters and page, the Roles tab's chosen user (no two tabs share a name). */
const KEEP = ["entity", "actor", "page", "after", "user"] as const;

/** /admin (administrators): Users · Roles · Audit trail, deep-linked by ?tab=. */
export default function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get("tab")) ?? "users";
  if (me.isLoading) return <Loading rows={6} />;
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    return <Result status="403" title={t("account.adminPage.forbidden")} subTitle={t("account.adminPage.signInNeeded")} data-testid="admin-forbidden"
      extra={<Link to={signInUrl("/admin")} data-testid="admin-sign-in">{t("account.signIn")}</Link>} />;
  }
  if (!me.data.isAdmin) {
    return <Result status="403" title={t("account.adminPage.forbidden")} subTitle={t("account.adminPage.forbiddenDetail")} data-testid="admin-forbidden" />;
  }
  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }} data-testid="admin-page">
      <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>{t("account.adminPage.title")}</Typography.Title>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => setParams(switchTab(params, key, "users", KEEP))}
        items={[
          { key: "users", label: <span data-testid="admin-tab-users">{t("account.adminPage.tabs.users")}</span>, children: <UsersTab /> },
          { key: "roles", label: <span data-testid="admin-tab-roles">{t("account.adminPage.tabs.roles")}</span>, children: <RolesTab /> },
          { key: "audit", label: <span data-testid="admin-tab-audit">{t("account.adminPage.tabs.audit")}</span>, children: <AuditTab /> },
        ]}
      />
    </Space>
  );
}
