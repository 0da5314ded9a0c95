import { Card, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { cityName } from "../../api";
import { useLang } from "../../lang";
import type { PairingCandidates } from "../../matching/api";
import { CityName } from "../../components/Orig";

/** The programme's live cooperations as pairs: the board keeps them as fixed pairs (each takes a place of both its cities). */
export function FormedPairs({ programme }: { programme: PairingCandidates }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = new Map(programme.candidates.map((c) => [c.slug, c.names]));
  const name = (slug: string) => { const n = names.get(slug); return n ? cityName(n, lang) : slug; };
  return (
    <Card size="small" title={t("matching.pairing.formedTitle")} data-testid="pairing-formed">
      {programme.formed.length === 0 ? <Typography.Text type="secondary">{t("matching.pairing.formedNone")}</Typography.Text> : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t("matching.pairing.formedHelp")}</Typography.Paragraph>
          <ItemList size="small" dataSource={programme.formed} renderItem={(f) => (
            <ItemList.Item data-testid={`formed-${f.a}-${f.b}`}>
              <span>{name(f.a)} – {name(f.b)}</span>{" "}
              <Tag color="green">{t("matching.pairing.formed")}</Tag>
              <Link to={`/cooperations/${encodeURIComponent(f.cooperationId)}`}><CityName names={f.names} /></Link>{" "}
              <Typography.Text type="secondary">({t(`cooperations.statuses.${f.status}`, { defaultValue: f.status })})</Typography.Text>
            </ItemList.Item>
          )} />
        </>
      )}
    </Card>
  );
}
