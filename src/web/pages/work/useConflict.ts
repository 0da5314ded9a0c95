import { App } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";

/**
 * Handles a 409 from a stale update: warns with the current version and refetches `queryKey`.
 * Returns true when the error was a version conflict.
 */
export function useConflict(queryKey: unknown[]): (err: unknown) => boolean {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (err: unknown) => {
    if (!(err instanceof ApiError) || err.status !== 409) return false;
    const current = (err.problem as { current?: { version?: number } }).current;
    void message.warning(t("work.conflict", { version: current?.version ?? "?" }));
    void qc.invalidateQueries({ queryKey });
    return true;
  };
}
