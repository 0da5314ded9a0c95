import { useQuery } from "@tanstack/react-query";
import { Button, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { useCan, write } from "../../account/permissions";
import { visionApi } from "../../vision/api";

/**
 * The readiness assessment of a pilot project or an action, where the pilot or action is shown:
 * a link to its assessment(s) for everyone, and "Assess readiness" for those the server lets start
 * one (the cooperation's member cities and programme managers) when none exists yet.
 */
export function ReadinessLink({ kind, id, cooperation }: { kind: "pilot" | "action"; id: string; cooperation: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const subject: { pilot: string } | { action: string } = kind === "pilot" ? { pilot: id } : { action: id };
  // One request for every pilot and action of the cooperation: the links of a page share this query.
  const list = useQuery({ queryKey: ["readiness-of-cooperation", cooperation], queryFn: ({ signal }) => visionApi.assessments({ cooperation }, signal) });
  const may = useCan(write("POST", "/readiness-assessments", subject));
  const items = (list.data?.items ?? []).filter((a) => (kind === "pilot" ? a.pilot === id : a.action === id));
  const testId = `readiness-${kind}-${id}`;
  if (items.length === 1) {
    return <Link to={`/readiness/${items[0]!.id}`} data-testid={`${testId}-open`}>{t("dataPages.readiness.open")}</Link>;
  }
  if (items.length > 1) {
    return (
      <Dropdown menu={{ items: items.map((a, i) => ({ key: a.id, label: a.title ?? `${t("dataPages.readiness.open")} ${i + 1}`, onClick: () => navigate(`/readiness/${a.id}`) })) }}>
        <Button size="small" data-testid={`${testId}-open`}>{t("dataPages.readiness.openN", { count: items.length })}</Button>
      </Dropdown>
    );
  }
  if (!list.data || !may?.allowed) return null;
  return (
    <Button size="small" onClick={() => navigate(`/readiness/new?${kind}=${encodeURIComponent(id)}`)} data-testid={`${testId}-assess`}>{t("dataPages.readiness.assess")}</Button>
  );
}
