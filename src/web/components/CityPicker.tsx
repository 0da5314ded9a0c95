import { useState } from "react";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useLang } from "../lang";
import { cityLabel } from "./CitySearch";
import { useCitySearch } from "./useCitySearch";

/** A select that searches cities on the server (both languages) and yields a slug. */
export function CityPicker(props: {
  value?: string; onChange: (slug: string | undefined) => void; placeholder?: string; exclude?: string[];
  testId?: string; id?: string; allowClear?: boolean; width?: number; ariaLabel?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [term, setTerm] = useState("");
  const { items, pending } = useCitySearch(term, 10);
  return (
    <Select<string | null>
      id={props.id}
      data-testid={props.testId}
      aria-label={props.ariaLabel ?? t("search.label")}
      value={props.value ?? null}
      allowClear={props.allowClear}
      placeholder={props.placeholder ?? t("search.placeholder")}
      style={{ width: props.width ?? 280, maxWidth: "100%" }}
      showSearch={{ filterOption: false, onSearch: setTerm, searchValue: term }}
      onChange={(v) => { setTerm(""); props.onChange(v ?? undefined); }}
      notFoundContent={term.trim() ? (pending ? t("search.searching") : t("search.noMatch")) : null}
      options={items.filter((c) => !props.exclude?.includes(c.slug)).map((c) => ({
        value: c.slug, label: <span data-testid={`pick-option-${c.slug}`}>{cityLabel(c, lang)}</span>,
      }))}
      // Keep the chosen city's label visible once the result list changes.
      labelRender={(p) => p.label ?? p.value}
    />
  );
}
