import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "../../api";
import { tokenStore, visionApi } from "../../vision/api";

/** The participant this browser joined a process as (token in localStorage), with their votes. */
export function useParticipant(process: string) {
  const [token, setTokenState] = useState<string | null>(() => tokenStore.get(process));
  const qc = useQueryClient();
  const me = useQuery({
    queryKey: ["vision-me", process, token],
    enabled: Boolean(token),
    retry: false,
    queryFn: async () => {
      try {
        return await visionApi.me(process, token as string);
      } catch (e) {
        // A key from another database or a removed participant: forget it and join again.
        if (e instanceof ApiError && e.status === 400) {
          tokenStore.clear(process);
          setTokenState(null);
        }
        throw e;
      }
    },
  });
  const setToken = (t: string | null) => {
    if (t) tokenStore.set(process, t);
    else tokenStore.clear(process);
    setTokenState(t);
    void qc.invalidateQueries({ queryKey: ["vision-me", process] });
  };
  return { token, participant: me.data?.participant ?? null, votes: me.data?.votes ?? [], refetch: () => void me.refetch(), setToken };
}

export type ParticipantState = ReturnType<typeof useParticipant>;
