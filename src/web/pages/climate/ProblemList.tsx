import { Alert } from "antd";
import { ApiError } from "../../api";
import { problemItemText } from "../../problem-text";

/** An API error with every problem it lists (row, column or path, value and reason). */
export function ProblemList({ error, title, testId }: { error: unknown; title?: string; testId?: string }) {
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const items = problem?.errors ?? [];
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={title ?? (error instanceof Error ? error.message : String(error))}
      description={items.length > 0 ? (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {items.slice(0, 50).map((p, i) => (
            <li key={i}>
              {[p.row !== undefined ? `row ${p.row}` : null, p.column ?? p.path].filter(Boolean).join(", ")}
              {p.value ? ` “${p.value}”` : ""}: {problemItemText(p)}
            </li>
          ))}
        </ul>
      ) : problem?.detail !== undefined && error instanceof Error ? error.message : null}
    />
  );
}
