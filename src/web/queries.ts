import { useQuery } from "@tanstack/react-query";
import { api } from "./api";

/** Shared, long-lived lists: indicators and sources change rarely. */
export function useIndicators() {
  return useQuery({ queryKey: ["indicators"], queryFn: ({ signal }) => api.indicators(signal), staleTime: 10 * 60_000 });
}

export function useSources() {
  return useQuery({ queryKey: ["sources"], queryFn: ({ signal }) => api.sources(signal), staleTime: 10 * 60_000 });
}
