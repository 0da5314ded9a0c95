import { Button, Result, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api";

export function Loading({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" aria-label={t("common.loading")} data-testid="loading">
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}

/** An error from the API with a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="error"
      title={t("common.error")}
      subTitle={t("common.errorDetail", { message })}
      data-testid="error-state"
      extra={onRetry ? <Button type="primary" onClick={onRetry}>{t("common.retry")}</Button> : undefined}
    />
  );
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
