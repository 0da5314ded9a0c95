import { useQuery } from "@tanstack/react-query";
import { programmesApi } from "./api";

/**
 * One programme, read once for the page and its tabs: the page and the tab shown with it both ask
 * for it, and the tab (loaded on demand) mounts after the first answer has come, which without a
 * fresh time asked the server again on every first visit. Writes invalidate ["programme", id].
 */
export function useProgramme(id: string) {
  return useQuery({ queryKey: ["programme", id], queryFn: ({ signal }) => programmesApi.get(id, signal), staleTime: 60_000 });
}
