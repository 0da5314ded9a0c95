import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useLang } from "../../lang";
import { pickText } from "../../work/api";

/** Text people wrote, in the chosen language; the other language with a small marker; else "not yet reported". */
export function LangText({ value, testId, strong }: { value: { en: string | null; zh: string | null }; testId?: string; strong?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { text, fallback } = pickText(value, lang);
  if (!text) return <Typography.Text type="secondary" data-testid={testId}>{t("work.notReported")}</Typography.Text>;
  return (
    <span data-testid={testId}>
      <Typography.Text strong={strong}>{text}</Typography.Text>
      {fallback && <Typography.Text type="secondary" style={{ fontSize: "0.8em", marginLeft: 4 }}>{lang === "zh" ? "(EN)" : "(中文)"}</Typography.Text>}
    </span>
  );
}

