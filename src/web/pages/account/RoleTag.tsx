import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { RoleGrant } from "../../account/api";

const COLOURS: Record<RoleGrant["role"], string> = { programme_manager: "purple", city_editor: "blue", partner_contributor: "green" };

/** A role with its scope, e.g. "City editor · shanghai-cn". */
export function RoleTag({ grant }: { grant: RoleGrant }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[grant.role]} data-testid={`role-${grant.role}-${grant.scope}`}>
      {t(`account.roles.${grant.role}`)} · {grant.scope}
    </Tag>
  );
}

export function AdminTag() {
  const { t } = useTranslation();
  return <Tag color="red" data-testid="role-administrator">{t("account.roles.administrator")}</Tag>;
}
