import { Button, Card, Empty, Popconfirm, Space, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Cooperation } from "../../cooperations/api";
import { ErrorState, Loading } from "../../components/States";
import { useLang } from "../../lang";
import { type Commitment, ORGANISATION_KINDS, type OrganisationKind, workApi } from "../../work/api";
import { LangText } from "./LangText";
import { PartnerForm } from "./PartnerForm";
import { Can, path, write } from "../../account/permissions";
import { PartnerMix } from "./PartnerMix";

/** The public–private–people partnership: partner organisations grouped by kind, each with its role and commitment. */
export default function PartnersTab({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const key = ["work-commitments", cooperation.id];
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => workApi.commitments(cooperation.id, signal) });
  const pilots = useQuery({ queryKey: ["work-pilots", cooperation.id], queryFn: ({ signal }) => workApi.pilots(cooperation.id, signal) });
  const remove = useMutation({ mutationFn: (id: string) => workApi.deleteCommitment(id), onSuccess: () => void qc.invalidateQueries({ queryKey: key }) });
  const L = (k: string) => t(`work.partners.${k}`);
  if (list.isLoading) return <Loading />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  const pilotName = new Map((pilots.data?.items ?? []).map((p) => [p.id, lang === "zh" ? p.titles.zh ?? p.titles.en : p.titles.en]));
  const counts = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, new Set(items.filter((c) => c.organisation.kind === k).map((c) => c.organisation.id)).size])) as Record<OrganisationKind, number>;
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="partners-tab">
      <div>
        <Typography.Title level={4} style={{ marginBottom: 0 }}>{L("title")}</Typography.Title>
        <Typography.Text type="secondary">{L("ppp")}</Typography.Text>
      </div>
      {items.length === 0 ? <Empty description={L("none")} data-testid="partners-empty" /> : <PartnerMix counts={counts} />}
      {ORGANISATION_KINDS.filter((k) => counts[k] > 0).map((kind) => (
        <Card key={kind} size="small" title={t(`work.organisationKinds.${kind}`)} data-testid={`partners-${kind}`}>
          <ItemList<Commitment>
            dataSource={items.filter((c) => c.organisation.kind === kind)}
            renderItem={(c) => (
              <ItemList.Item data-testid={`commitment-${c.id}`}
                actions={[
                  <Can key="x" check={write("DELETE", path("commitments", c.id))}>
                    <Popconfirm title={L("removeConfirm")} onConfirm={() => remove.mutate(c.id)} okText={t("work.delete")} cancelText={t("work.cancel")}>
                      <Button size="small" danger>{t("work.delete")}</Button>
                    </Popconfirm>
                  </Can>,
                ]}>
                <ItemList.Item.Meta
                  title={<Space wrap><LangText value={c.organisation.names} strong />{c.organisation.country && <Tag>{c.organisation.country}</Tag>}{c.organisation.sector && <Tag>{c.organisation.sector}</Tag>}</Space>}
                  description={(
                    <>
                      <div><Typography.Text type="secondary">{L("role")}: </Typography.Text><span data-testid="commitment-role">{c.role}</span>
                        {c.pilotId && <Tag color="purple" style={{ marginLeft: 8 }}>{t("work.pilots.pilot")}: {pilotName.get(c.pilotId) ?? c.pilotId}</Tag>}
                      </div>
                      <div><Typography.Text type="secondary">{L("commitment")}: </Typography.Text><LangText value={c.commitment} testId="commitment-text" /></div>
                    </>
                  )}
                />
              </ItemList.Item>
            )}
          />
        </Card>
      ))}
      <Can check={write("POST", path("cooperations", cooperation.id, "commitments"))} signInHint><PartnerForm cooperationId={cooperation.id} /></Can>
    </Space>
  );
}
