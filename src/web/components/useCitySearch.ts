import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../api";

/** Cities matching a typed term (debounced), both languages, from `GET /api/v1/cities?q=`. */
export function useCitySearch(term: string, limit = 8) {
  const [debounced, setDebounced] = useState(term.trim());
  useEffect(() => {
    const id = setTimeout(() => setDebounced(term.trim()), 200);
    return () => clearTimeout(id);
  }, [term]);
  const query = useQuery({
    queryKey: ["city-search", debounced, limit],
    queryFn: ({ signal }) => api.cities({ q: debounced, limit }, signal),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return { ...query, items: debounced ? query.data?.items ?? [] : [], pending: term.trim() !== debounced || query.isFetching };
}
