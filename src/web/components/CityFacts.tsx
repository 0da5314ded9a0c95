import { Typography } from "antd";
import type { TFunction } from "i18next";
import type { City, Lang } from "../api";
import { countryName } from "../countries";
import { formatNumber } from "../lang";
import { regionName } from "../regions";

export interface Fact { key: string; label: string; value: (c: City) => React.ReactNode }

function coordinates(c: City, lang: Lang): string {
  const { lat, lon } = c.coordinates;
  const f = (v: number) => `${Math.abs(v).toFixed(4)}°`;
  if (lang === "zh") return `${lat >= 0 ? "北纬" : "南纬"} ${f(lat)}，${lon >= 0 ? "东经" : "西经"} ${f(lon)}`;
  return `${f(lat)} ${lat >= 0 ? "N" : "S"}, ${f(lon)} ${lon >= 0 ? "E" : "W"}`;
}

/** GeoNames admin1 codes ("33", "HH") mean nothing to a reader; show only real names. */
export function readableAdmin1(admin1: string | null): string | null {
  return admin1 && !/^[0-9A-Z]{1,3}$/.test(admin1) ? admin1 : null;
}

/** The key facts of a city, shared by the city page and the compare page. */
export function cityFacts(t: TFunction, lang: Lang): Fact[] {
  const na = <Typography.Text type="secondary">{t("common.notYetReported")}</Typography.Text>;
  return [
    { key: "nameEn", label: t("city.nameEn"), value: (c) => <span lang="en">{c.names.en}</span> },
    { key: "nameZh", label: t("city.nameZh"), value: (c) => c.names.zh ?? t("common.none") },
    { key: "nameLocal", label: t("city.nameLocal"), value: (c) => (c.names.local ? <span lang={c.country === "CN" ? "zh-CN" : "und"}>{c.names.local}</span> : t("common.none")) },
    { key: "country", label: t("city.country"), value: (c) => `${countryName(c.country, lang)} (${c.country})` },
    { key: "region", label: t("city.region"), value: (c) => (readableAdmin1(c.admin1) ? <><span lang="en">{readableAdmin1(c.admin1)}</span>{regionName(c.region, lang) ? ` · ${regionName(c.region, lang)}` : ""}</> : regionName(c.region, lang) || t("common.none")) },
    { key: "coordinates", label: t("city.coordinates"), value: (c) => coordinates(c, lang) },
    {
      key: "population", label: t("city.population"), value: (c) => c.population.value === null ? na : (
        <span data-testid="fact-population">
          {c.population.year ? t("city.populationYear", { value: formatNumber(c.population.value, lang), year: c.population.year }) : formatNumber(c.population.value, lang)}
          {c.population.source && <Typography.Text type="secondary"> · {t("city.populationSource", { source: c.population.source === "geonames" ? "GeoNames" : c.population.source })}</Typography.Text>}
          {/* GeoNames population is the urban core, not the municipality: say so where it is shown. */}
          {c.population.source === "geonames" && <Typography.Text type="secondary" style={{ display: "block" }} data-testid="geonames-note">{t("city.geonamesNote")}</Typography.Text>}
        </span>
      ),
    },
    { key: "area", label: t("city.area"), value: (c) => c.areaKm2 === null ? na : t("city.areaValue", { value: formatNumber(c.areaKm2, lang) }) },
    { key: "timezone", label: t("city.timezone"), value: (c) => (c.timezone ? <span data-content="code" translate="no">{c.timezone}</span> : t("common.none")) },
  ];
}
