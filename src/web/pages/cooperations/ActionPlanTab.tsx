import type { Cooperation } from "../../cooperations/api";

export default function ActionPlanTab({ cooperation }: { cooperation: Cooperation }) {
  return null;
}
