import { useSearchParams } from "react-router-dom";

/**
 * A list's page number kept in the address (`?page=3`, or another key when a page shows two
 * lists), so a link or a reload keeps the page; page 1 leaves the key out. Changing the page adds
 * a history entry: Back returns to the page before.
 */
export function usePageParam(key = "page"): [number, (page: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get(key));
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 100_000 ? raw : 1;
  const setPage = (next: number) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next <= 1) p.delete(key);
      else p.set(key, String(next));
      return p;
    });
  return [page, setPage];
}
