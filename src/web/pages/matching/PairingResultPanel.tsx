import { Alert, Button, Card, Space, Statistic, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { cityName } from "../../api";
import { formatNumber, useLang } from "../../lang";
import { matchingApi, type PairingResult } from "../../matching/api";
import type { PairState } from "./PairingHeatmap";

/** The proposed pairing as a list (pin / forbid per pair), the total before and after, the unpaired cities, and "Propose as cooperations". */
export function PairingResultPanel({ result, previous, programmeId, themes, stateOf, setState }: {
  result: PairingResult; previous: number | null; programmeId: string; themes: string[];
  stateOf: (a: string, b: string) => PairState; setState: (a: string, b: string, s: PairState) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const city = new Map([...result.sideA, ...result.sideB].map((c) => [c.slug, c]));
  const name = (slug: string) => { const c = city.get(slug); return c ? cityName(c.names, lang) : slug; };
  const groups = result.sideA.map((a) => ({ a, partners: result.pairs.filter((p) => p.a === a.slug).map((p) => p.b) })).filter((g) => g.partners.length);
  const propose = useMutation({
    mutationFn: async () => {
      const created = [];
      for (const g of groups) {
        const partners = g.partners.map((b) => city.get(b)!);
        created.push(await matchingApi.createCooperation({
          programmeId,
          names: {
            en: t("matching.pairing.cooperationName", { lng: "en", a: g.a.names.en, partners: partners.map((p) => p.names.en).join(", ") }),
            zh: t("matching.pairing.cooperationName", { lng: "zh", a: cityName(g.a.names, "zh"), partners: partners.map((p) => cityName(p.names, "zh")).join("、") }),
          },
          themes,
          members: [{ slug: g.a.slug, role: "lead", side: "a" }, ...partners.map((p) => ({ slug: p.slug, role: "partner" as const, side: "b" as const }))],
          origin: "pairing",
        }));
      }
      return created;
    },
  });
  // Proposed once per solved pairing: a second click would create the same cooperations again.
  const { reset } = propose;
  useEffect(() => reset(), [result, reset]);
  const change = previous === null ? null : result.total - previous;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space size="large" wrap data-testid="pairing-totals">
        <Statistic title={`${t("matching.pairing.total")} · ${t("matching.pairing.after")}`} value={formatNumber(result.total, lang)} data-testid="pairing-total" />
        <Statistic title={`${t("matching.pairing.total")} · ${t("matching.pairing.previous")}`} value={previous === null ? t("common.none") : formatNumber(previous, lang)} data-testid="pairing-previous" />
        <Statistic title={t("matching.pairing.change")} value={change === null ? t("common.none") : `${change >= 0 ? "+" : ""}${formatNumber(change, lang)}`} data-testid="pairing-change" />
      </Space>
      <Card size="small" title={t("matching.pairing.pairs")}>
        <ItemList
          data-testid="pairing-pairs"
          dataSource={result.pairs}
          locale={{ emptyText: t("matching.pairing.pairsNone") }}
          renderItem={(p) => {
            const s = stateOf(p.a, p.b);
            return (
              <ItemList.Item
                data-testid={`pair-${p.a}-${p.b}`}
                actions={[
                  <Button key="pin" size="small" onClick={() => setState(p.a, p.b, s === "pinned" ? undefined : "pinned")} data-testid={`pin-${p.a}-${p.b}`}>
                    {s === "pinned" ? t("matching.pairing.unpin") : t("matching.pairing.pin")}
                  </Button>,
                  <Button key="forbid" size="small" danger onClick={() => setState(p.a, p.b, "forbidden")} data-testid={`forbid-${p.a}-${p.b}`}>{t("matching.pairing.forbid")}</Button>,
                ]}
              >
                <span>{name(p.a)} – {name(p.b)}</span>{" "}
                <Typography.Text type="secondary">{t("matching.score")} {formatNumber(p.score, lang)}</Typography.Text>{" "}
                {p.fixed && <Tag color="blue">{t("matching.pairing.pinned")}</Tag>}
              </ItemList.Item>
            );
          }}
        />
        {(result.unpaired.a.length > 0 || result.unpaired.b.length > 0) && (
          <Typography.Text type="secondary" data-testid="pairing-unpaired">
            {t("matching.pairing.unpaired", { cities: [...result.unpaired.a, ...result.unpaired.b].map(name).join(lang === "zh" ? "、" : ", ") })}
          </Typography.Text>
        )}
      </Card>
      <Space wrap>
        <Button type="primary" disabled={groups.length === 0 || propose.isSuccess} loading={propose.isPending} onClick={() => propose.mutate()} data-testid="pairing-propose">{t("matching.pairing.propose")}</Button>
        {propose.data && <Alert type="success" showIcon title={t("matching.pairing.proposed", { count: propose.data.length })} data-testid="pairing-proposed" />}
        {propose.error && <Alert type="error" showIcon title={t("matching.pairing.proposeFailed")} description={propose.error.message} data-testid="pairing-propose-error" />}
      </Space>
    </Space>
  );
}
