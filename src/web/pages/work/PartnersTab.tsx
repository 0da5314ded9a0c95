import type { Cooperation } from "../../cooperations/api";

export default function PartnersTab({ cooperation }: { cooperation: Cooperation }) {
  return null;
}
