import { App, Button, Dropdown } from "antd";
import { UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { accountApi, signInUrl, useMe } from "../account/api";

/**
 * The top bar's account corner: "Sign in" when anonymous, else the user's name with My account, Administration and Sign out.
 * `compact` (phone bar): a person icon instead of the name, which the button's label and tooltip still give.
 */
export function AccountMenu({ compact = false }: { compact?: boolean } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  if (me.isLoading) return null;
  const user = me.data;
  if (!user) {
    if (location.pathname === "/sign-in") return null;
    return <Link to={signInUrl(`${location.pathname}${location.search}`)} data-testid="sign-in-link" style={{ whiteSpace: "nowrap" }}>{t("account.signIn")}</Link>;
  }
  const signOut = async () => {
    try {
      await accountApi.signOut();
    } finally {
      qc.setQueryData(["me"], null);
      await qc.invalidateQueries();
      void message.success(t("account.signedOut"));
      if (location.pathname === "/account" || location.pathname === "/admin") navigate("/");
    }
  };
  return (
    <Dropdown
      trigger={["click"]}
      autoFocus
      menu={{
        // Navigation by key, so Enter on a focused item works as well as a click.
        onClick: ({ key }) => {
          if (key === "sign-out") void signOut();
          else navigate(key === "admin" ? "/admin" : "/account");
        },
        items: [
          { key: "account", label: <span data-testid="menu-account">{t("account.myAccount")}</span> },
          ...(user.isAdmin ? [{ key: "admin", label: <span data-testid="menu-admin">{t("account.admin")}</span> }] : []),
          { type: "divider" as const },
          { key: "sign-out", label: <span data-testid="menu-sign-out">{t("account.signOut")}</span> },
        ],
      }}
    >
      {compact ? (
        <Button type="text" data-testid="account-menu" aria-label={t("account.menuLabel", { name: user.name })} title={user.name} data-label-content={user.name} icon={<UserOutlined />} style={{ whiteSpace: "nowrap", paddingInline: 6 }}>▾</Button>
      ) : (
        <Button type="text" data-testid="account-menu" aria-label={t("account.menuLabel", { name: user.name })} data-label-content={user.name} style={{ whiteSpace: "nowrap" }}>
          <span data-testid="account-name" data-content="name">{user.name}</span> ▾
        </Button>
      )}
    </Dropdown>
  );
}
