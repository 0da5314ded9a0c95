import { Collapse, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatNumber, useLang } from "../../lang";
import type { Counterparts } from "../../matching/api";
import { Orig } from "../../components/Orig";
import { PlainTable } from "../../components/PlainTable";

/** "How the score is made": the formula in words, each weight with what it follows and the sources, collapsed by default. */
export function MethodPanel({ method }: { method: Counterparts["method"] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = method.rationale.map((r) => ({ key: r.weight, ...r, value: method.weights[r.weight] }));
  return (
    <Collapse
      data-testid="matching-method"
      items={[{
        key: "method",
        label: t("matching.method.title"),
        children: (
          <>
            <Typography.Paragraph>{t("matching.method.intro")}</Typography.Paragraph>
            <PlainTable
              data-testid="matching-method-weights"
              aria-label={t("matching.method.title")}
              rows={rows}
              rowKey={(r) => r.key}
              columns={[
                { key: "factor", title: t("matching.method.factor"), render: (r) => t(`matching.method.weights.${r.weight}`, { defaultValue: r.weight }) },
                { key: "weight", title: t("matching.method.weight"), render: (r) => formatNumber(r.value ?? null, lang), align: "right" },
                { key: "follows", title: t("matching.method.follows"), render: (r) => r[lang] },
              ]}
            />
            <ul className="cb-sources" data-testid="matching-method-sources">
              {method.sources.map((s) => (
                <li key={s.id}>
                  <Typography.Text type="secondary">
                    <Orig>{s.citation}</Orig>
                    {s.url && <> · <a href={s.url} target="_blank" rel="noreferrer" lang="en">{s.url}</a></>}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          </>
        ),
      }]}
    />
  );
}
