import { useSearchParams } from "react-router-dom";

/** One query parameter of the Climate tab (year, target …), kept in the URL so every view is shareable. */
export function useClimateParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value === null) next.delete(name);
      else next.set(name, value);
      return next;
    }, { replace: true });
  return [params.get(name), set];
}
