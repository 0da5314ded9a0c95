import type { Cooperation } from "../../cooperations/api";

export default function CooperationMonitoringTab({ cooperation }: { cooperation: Cooperation }) {
  return null;
}
