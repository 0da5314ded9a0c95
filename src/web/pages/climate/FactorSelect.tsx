import { useState } from "react";
import { Select } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { climateApi } from "../../climate/api";
import { useLang } from "../../lang";
import { WIDE_LIST_PLACEMENTS } from "../../components/selectPlacements";

/** Picks an emission factor from the library by searching ids and names (server-side). */
export function FactorSelect({ value, onChange, disabled, ariaLabel }: { value?: string; onChange: (id: string | undefined) => void; disabled?: boolean; ariaLabel: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [q, setQ] = useState("");
  const found = useQuery({ queryKey: ["factors", q], queryFn: ({ signal }) => climateApi.factors(q, signal), staleTime: 60_000, enabled: !disabled });
  // The chosen factor shows as its id; the list shows name and values too.
  const options = (found.data?.items ?? []).map((f) => ({
    value: f.id,
    label: f.id,
    detail: `${f.id} — ${(lang === "zh" ? f.names.zh : null) ?? f.names.en} (${f.gases.map((g) => `${g.gas} ${g.value} ${g.unit}`).join(", ")})`,
  }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value, detail: value });
  return (
    <Select
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      disabled={disabled}
      value={value}
      placeholder={t("climate.editor.factorSearch")}
      onChange={(v: string | undefined) => onChange(v)}
      loading={found.isFetching}
      options={options}
      optionRender={(o) => (o.data as { detail: string }).detail}
      // never wider than a phone's screen (the search placeholder would widen it past the edge)
      style={{ minWidth: 260, maxWidth: "min(480px, calc(100vw - 48px))" }}
      popupMatchSelectWidth={480}
      builtinPlacements={WIDE_LIST_PLACEMENTS}
    />
  );
}
