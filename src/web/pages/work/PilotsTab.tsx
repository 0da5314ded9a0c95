import type { Cooperation } from "../../cooperations/api";

export default function PilotsTab({ cooperation }: { cooperation: Cooperation }) {
  return null;
}
