import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Source } from "../api";
import { Orig } from "./Orig";

/** Citations with links and licences for the given source ids (unknown ids are shown as-is). */
export function SourceList({ ids, sources, testId, title }: { ids: string[]; sources: Source[] | undefined; testId?: string; title?: string }) {
  const { t } = useTranslation();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return null;
  const byId = new Map((sources ?? []).map((s) => [s.id, s]));
  return (
    <div data-testid={testId} className="cb-sources">
      <Typography.Text type="secondary" strong>{title ?? (unique.length > 1 ? t("common.sources") : t("common.source"))}:</Typography.Text>
      <ul>
        {unique.map((id) => {
          const s = byId.get(id);
          return (
            <li key={id}>
              <Typography.Text type="secondary">
                <Orig>{s?.citation ?? id}</Orig>
                {s?.url && <> · <a href={s.url} target="_blank" rel="noreferrer" lang="en">{s.url}</a></>}
                {s?.licence && <> · {t("common.licence")}: <Orig>{s.licence}</Orig></>}
              </Typography.Text>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
