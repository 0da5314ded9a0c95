import { Select } from "antd";
import { useTranslation } from "react-i18next";
import type { Indicator } from "../api";
import { useLang } from "../lang";
import { unitName } from "../units";

/** Indicators grouped by theme, searchable in the current language. */
export function IndicatorSelect(props: {
  indicators: Indicator[]; value: string | undefined; onChange: (code: string | undefined) => void;
  allowClear?: boolean; placeholder?: string; testId?: string; id?: string; width?: number;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const themes = [...new Set(props.indicators.map((i) => i.theme))];
  return (
    <Select<string>
      id={props.id}
      data-testid={props.testId}
      aria-label={t("common.indicator")}
      value={props.value}
      onChange={(v) => props.onChange(v)}
      allowClear={props.allowClear}
      placeholder={props.placeholder}
      style={{ width: props.width ?? 360 }}
      showSearch={{ optionFilterProp: "search" }}
      options={themes.map((theme) => ({
        label: t(`themes.${theme}`, { defaultValue: theme }),
        title: theme,
        options: props.indicators.filter((i) => i.theme === theme).map((i) => ({
          value: i.code, label: `${i.names[lang]} (${unitName(i.unit, lang)})`, search: `${i.names.en} ${i.names.zh} ${i.code}`,
        })),
      }))}
    />
  );
}
