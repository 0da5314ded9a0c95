import type { Cooperation } from "../../cooperations/api";

export default function ActivitiesTab({ cooperation }: { cooperation: Cooperation }) {
  return null;
}
