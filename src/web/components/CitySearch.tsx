import { useState } from "react";
import { AutoComplete, Button, Input, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api, cityName, type City } from "../api";
import { countryName } from "../countries";
import { useLang } from "../lang";
import { useCitySearch } from "./useCitySearch";
import { CityName } from "./Orig";

export function cityLabel(c: Pick<City, "names" | "country">, lang: "en" | "zh") {
  const other = lang === "zh" ? c.names.en : c.names.zh;
  return (
    <span>
      <CityName names={c.names} />
      {other && other !== cityName(c.names, lang) && <Typography.Text type="secondary"> · <span lang={lang === "zh" ? "en" : "zh-CN"}>{other}</span></Typography.Text>}
      <Typography.Text type="secondary"> · {countryName(c.country, lang)}</Typography.Text>
    </span>
  );
}

/**
 * Top-bar search: typing 重庆 or chongqing lists Chongqing; Enter or a pick opens the city page.
 * On a phone it fills the row under the bar (`fullWidth`), takes the focus when shown and says when a city was opened.
 */
export function CitySearch({ fullWidth = false, autoFocus = false, onOpen }: { fullWidth?: boolean; autoFocus?: boolean; onOpen?: () => void } = {}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [term, setTerm] = useState("");
  const { items, pending } = useCitySearch(term);

  const open = (slug: string) => {
    setTerm("");
    navigate(`/cities/${slug}`);
    onOpen?.();
  };

  const onEnter = async () => {
    // When results are listed the AutoComplete handles Enter itself (active option); otherwise look up and open the best match.
    if (items.length > 0 || !term.trim()) return;
    const found = await api.cities({ q: term.trim(), limit: 1 }).catch(() => null);
    const first = found?.items[0];
    if (first) open(first.slug);
  };

  return (
    <AutoComplete
      value={term}
      onChange={(v: string) => setTerm(items.some((c) => c.slug === v) ? "" : v)}
      onSelect={(slug: string) => open(slug)}
      options={items.map((c) => ({ value: c.slug, label: <span data-testid={`search-option-${c.slug}`}>{cityLabel(c, lang)}</span> }))}
      notFoundContent={term.trim() ? (pending ? t("search.searching") : t("search.noMatch")) : null}
      popupMatchSelectWidth={fullWidth ? true : 360}
      defaultActiveFirstOption
      style={{ width: fullWidth ? "100%" : 280 }}
      data-testid="city-search"
    >
      <Input.Search
        aria-label={t("search.label")}
        enterButton={<Button icon={<SearchOutlined />} aria-label={t("a11y.search")} title={t("a11y.search")} />}
        placeholder={t("search.placeholder")}
        allowClear
        autoFocus={autoFocus}
        data-testid="city-search-input"
        onSearch={(_v, _e, info) => { if (info?.source === "input") void onEnter(); }}
      />
    </AutoComplete>
  );
}
