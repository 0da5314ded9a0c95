import type { SnippetPart } from "../../practices-api";

/** A search snippet with the matched words in <mark>. */
export function Snippet({ parts, testId, lang }: { parts: SnippetPart[] | null; testId?: string; lang?: "en" | "zh" }) {
  if (!parts) return null;
  return (
    <p className="cb-snippet" data-testid={testId} lang={lang === "zh" ? "zh-CN" : lang}>
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}
