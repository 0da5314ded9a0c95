import { Fragment } from "react";
import { Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api, ApiError, type Lang } from "../../api";
import { cooperationsApi } from "../../cooperations/api";
import { useLang } from "../../lang";
import { practicesApi } from "../../practices-api";
import { programmesApi } from "../../programmes/api";
import { useIndicators, useSources } from "../../queries";
import type { LinkKind } from "./history-format";

type Names = { en: string | null; zh?: string | null };

/** The name in the reader's language, else the other one; `lang` says which it is. */
function pick(names: Names | null | undefined, lang: Lang): { text: string; lang: Lang } | null {
  if (!names) return null;
  const own = names[lang];
  if (own) return { text: own, lang };
  const other: Lang = lang === "en" ? "zh" : "en";
  const text = names[other];
  return text ? { text, lang: other } : null;
}

const PATHS: Partial<Record<LinkKind, (id: string) => string>> = {
  programme: (id) => `/programmes/${encodeURIComponent(id)}`,
  cooperation: (id) => `/cooperations/${encodeURIComponent(id)}`,
  city: (id) => `/cities/${encodeURIComponent(id)}`,
  practice: (id) => `/practices/${encodeURIComponent(id)}`,
};

/**
 * One linked record's name, looked up once per id (the lists of indicators and sources are shared):
 * undefined while loading or when it cannot be told, null when the record no longer exists.
 */
function useLinkedName(kind: LinkKind, id: string): { text: string; lang: Lang } | null | undefined {
  const lang = useLang();
  const indicators = useIndicators();
  const sources = useSources();
  const one = useQuery({
    queryKey: ["history-link", kind, id],
    enabled: kind === "programme" || kind === "cooperation" || kind === "city" || kind === "practice",
    staleTime: 5 * 60_000,
    retry: false,
    queryFn: async ({ signal }): Promise<Names | null> => {
      switch (kind) {
        case "programme": return (await programmesApi.get(id, signal)).names;
        case "cooperation": return (await cooperationsApi.get(id, signal)).names;
        case "city": return (await api.city(id, signal)).names;
        case "practice": return (await practicesApi.get(id, signal)).title;
        default: return null;
      }
    },
  });
  if (kind === "indicator") {
    const i = indicators.data?.items.find((x) => x.code === id);
    return i ? pick(i.names, lang) ?? undefined : undefined;
  }
  if (kind === "source") {
    const s = sources.data?.items.find((x) => x.id === id);
    return s ? { text: s.citation, lang: "en" } : undefined;
  }
  if (one.error instanceof ApiError && one.error.status === 404) return null;
  return one.data ? pick(one.data, lang) ?? undefined : undefined;
}

/** A linked record by its name (a link to its page where it has one), its id as the tooltip; the id alone when it is gone. */
function LinkedName({ kind, id }: { kind: LinkKind; id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = useLinkedName(kind, id);
  const idText = <span data-content="id" translate="no">{id}</span>;
  if (name === undefined) return idText;
  if (name === null) {
    return <span data-testid="history-link-gone">{idText} <Typography.Text type="secondary">({t("history.gone")})</Typography.Text></span>;
  }
  const text = name.lang === lang ? name.text : <span lang={name.lang === "zh" ? "zh-CN" : "en"}>{name.text}</span>;
  const title = t("history.idTooltip", { id });
  const path = PATHS[kind]?.(id);
  return path
    ? <Link to={path} title={title} data-label-content={id} data-testid="history-link">{text}</Link>
    : <span title={title} data-label-content={id} data-testid="history-link">{text}</span>;
}

/** The records a field links to, by name. */
export function LinkedNames({ kind, ids }: { kind: LinkKind; ids: string[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (ids.length === 0) return <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
  return <>{ids.map((id, i) => <Fragment key={id}>{i > 0 && (lang === "zh" ? "、" : ", ")}<LinkedName kind={kind} id={id} /></Fragment>)}</>;
}
