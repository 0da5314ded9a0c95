import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../work/api";

const COLOURS: Record<OrganisationKind, string> = { public: "#1677ff", private: "#fa8c16", academic: "#722ed1", civil_society: "#13c2c2", residents: "#52c41a" };

/**
 * The public–private–people mix as one stacked bar: each segment's width is its share of the distinct
 * organisations; every segment carries its word and count (colour is never the only signal).
 */
export function PartnerMix({ counts }: { counts: Record<OrganisationKind, number> }) {
  const { t } = useTranslation();
  const total = ORGANISATION_KINDS.reduce((s, k) => s + counts[k], 0);
  if (total === 0) return null;
  const parts = ORGANISATION_KINDS.filter((k) => counts[k] > 0);
  const summary = parts.map((k) => `${t(`work.organisationKinds.${k}`)} ${counts[k]}`).join(", ");
  return (
    <figure style={{ margin: 0 }} data-testid="partner-mix">
      <figcaption><Typography.Text strong>{t("work.partners.mix")}</Typography.Text> · <Typography.Text type="secondary">{t("work.partners.count", { count: total })}</Typography.Text></figcaption>
      <div role="img" aria-label={t("work.partners.mixAria", { summary })} style={{ display: "flex", height: 28, borderRadius: 4, overflow: "hidden", marginTop: 6 }}>
        {parts.map((k) => (
          <div key={k} title={`${t(`work.organisationKinds.${k}`)}: ${counts[k]}`}
            style={{ width: `${(100 * counts[k]) / total}%`, background: COLOURS[k], color: "#fff", fontSize: 12, lineHeight: "28px", textAlign: "center", whiteSpace: "nowrap", overflow: "hidden" }}>
            {t(`work.organisationKinds.${k}`)} {counts[k]}
          </div>
        ))}
      </div>
      <ul aria-hidden="true" style={{ display: "flex", gap: 16, listStyle: "none", padding: 0, margin: "6px 0 0", flexWrap: "wrap" }}>
        {parts.map((k) => (
          <li key={k}><span style={{ display: "inline-block", width: 10, height: 10, background: COLOURS[k], marginRight: 4 }} />{t(`work.organisationKinds.${k}`)}: {counts[k]} ({Math.round((100 * counts[k]) / total)}%)</li>
        ))}
      </ul>
    </figure>
  );
}
