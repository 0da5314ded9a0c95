import type { SnippetPart } from "../../practices-api";

/** A search snippet with the matched words in <mark>. */
export function Snippet({ parts, testId }: { parts: SnippetPart[] | null; testId?: string }) {
  if (!parts) return null;
  return (
    <p className="cb-snippet" data-testid={testId}>
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}
