import { Alert, Button, Card, Popconfirm, Space, Statistic, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { path, useCan, write } from "../../account/permissions";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { cityName } from "../../api";
import { formatNumber, useLang } from "../../lang";
import { matchingApi, type PairingResult } from "../../matching/api";
import type { PairState } from "./PairingHeatmap";

/** The proposed pairing as a list (pin / forbid per pair), the total before and after, the unpaired cities, and "Propose as cooperations". */
export function PairingResultPanel({ result, previous, programmeId, stateOf, setState }: {
  result: PairingResult; previous: number | null; programmeId: string;
  stateOf: (a: string, b: string) => PairState; setState: (a: string, b: string, s: PairState) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const city = new Map([...result.sideA, ...result.sideB].map((c) => [c.slug, c]));
  const name = (slug: string) => { const c = city.get(slug); return c ? cityName(c.names, lang) : slug; };
  const qc = useQueryClient();
  // Pairs not yet a cooperation, and the cities among them nobody accepted (proposed only on purpose).
  const fresh = result.pairs.filter((p) => p.cooperationId === null);
  const unaccepted = [...new Set(fresh.flatMap((p) => [p.a, p.b]))].filter((slug) => {
    const status = city.get(slug)?.status;
    return status === "added" || status === "eligible";
  });
  const propose = useMutation({
    mutationFn: () => matchingApi.propose(programmeId, { pairs: fresh.map((p): [string, string] => [p.a, p.b]), added: unaccepted }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["pairing-candidates", programmeId] });
      void qc.invalidateQueries({ queryKey: ["cooperations"] });
    },
  });
  const mayPropose = useCan(write("POST", path("programmes", programmeId, "pairing", "proposals")))?.allowed ?? false;
  // Proposed once per solved pairing; the server skips pairs already formed anyway.
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
                actions={p.cooperationId ? [] : [
                  <Button key="pin" size="small" onClick={() => setState(p.a, p.b, s === "pinned" ? undefined : "pinned")} data-testid={`pin-${p.a}-${p.b}`}>
                    {s === "pinned" ? t("matching.pairing.unpin") : t("matching.pairing.pin")}
                  </Button>,
                  <Button key="forbid" size="small" danger onClick={() => setState(p.a, p.b, "forbidden")} data-testid={`forbid-${p.a}-${p.b}`}>{t("matching.pairing.forbid")}</Button>,
                ]}
              >
                <span>{name(p.a)} – {name(p.b)}</span>{" "}
                <Typography.Text type="secondary">{t("matching.score")} {formatNumber(p.score, lang)}</Typography.Text>{" "}
                {p.fixed && <Tag color="blue">{t("matching.pairing.pinned")}</Tag>}
                {p.cooperationId && (
                  <Tag color="green" data-testid={`formed-tag-${p.a}-${p.b}`}>
                    <Link to={`/cooperations/${encodeURIComponent(p.cooperationId)}`}>{t("matching.pairing.formed")}</Link>
                  </Tag>
                )}
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
      {mayPropose && (
        <Space wrap>
          {unaccepted.length > 0 ? (
            <Popconfirm
              title={t("matching.pairing.proposeConfirm", { cities: unaccepted.map(name).join(lang === "zh" ? "、" : ", ") })}
              okText={t("matching.pairing.proposeAnyway")} cancelText={t("matching.pairing.cancel")}
              okButtonProps={{ "data-testid": "pairing-propose-confirm" } as React.ComponentProps<typeof Button>}
              onConfirm={() => propose.mutate()} disabled={fresh.length === 0 || propose.isSuccess}>
              <Button type="primary" disabled={fresh.length === 0 || propose.isSuccess} loading={propose.isPending} data-testid="pairing-propose">{t("matching.pairing.propose")}</Button>
            </Popconfirm>
          ) : (
            <Button type="primary" disabled={fresh.length === 0 || propose.isSuccess} loading={propose.isPending} onClick={() => propose.mutate()} data-testid="pairing-propose">{t("matching.pairing.propose")}</Button>
          )}
          {result.pairs.length > 0 && fresh.length === 0 && <Typography.Text type="secondary" data-testid="pairing-nothing-new">{t("matching.pairing.nothingNew")}</Typography.Text>}
          {propose.data && <Alert type="success" showIcon title={t("matching.pairing.proposed", { count: propose.data.created.length })}
            description={propose.data.skipped.length > 0 ? t("matching.pairing.skipped", { count: propose.data.skipped.length }) : undefined} data-testid="pairing-proposed" />}
          {propose.error && <Alert type="error" showIcon title={t("matching.pairing.proposeFailed")} description={propose.error.message} data-testid="pairing-propose-error" />}
        </Space>
      )}
    </Space>
  );
}
