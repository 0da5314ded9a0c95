import { EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { Input } from "antd";
import type { PasswordProps } from "antd/es/input";
import { useTranslation } from "react-i18next";

/** antd's password input whose show/hide toggle is named in the UI language (not "eye-invisible"). */
export function PasswordInput(props: PasswordProps) {
  const { t } = useTranslation();
  return (
    <Input.Password
      iconRender={(shown) => (shown
        ? <EyeOutlined aria-label={t("a11y.hidePassword")} title={t("a11y.hidePassword")} />
        : <EyeInvisibleOutlined aria-label={t("a11y.showPassword")} title={t("a11y.showPassword")} />)}
      {...props}
    />
  );
}
