import type { Cooperation } from "../../cooperations/api";

export default function CooperationOverviewTab({ cooperation }: { cooperation: Cooperation }) {
  return null;
}
