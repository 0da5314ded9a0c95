import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CooperationStatus } from "../../cooperations/api";

/** Colour of a status tag; the word is always shown too (colour is never the only signal). */
export const STATUS_COLOURS: Record<CooperationStatus, string> = { proposed: "default", agreed: "blue", active: "green", completed: "purple", discontinued: "red" };

export function StatusTag({ status }: { status: CooperationStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]} data-testid="cooperation-status">{t(`cooperations.statuses.${status}`)}</Tag>;
}
