import { Tag } from "antd";
import type { AirCategory } from "../../air/api";
import { useLang } from "../../lang";
import { textOn } from "./airFormat";

/** An index value with its category: the colour and always the word (colour is never the only signal). */
export function CategoryTag({ value, category, testId }: { value: number | null; category: AirCategory | undefined; testId?: string }) {
  const lang = useLang();
  if (value === null || !category) return <span data-testid={testId}>—</span>;
  return (
    <Tag color={category.color} style={{ color: textOn(category.color), marginInlineEnd: 0 }} data-testid={testId}>
      {value} · {category[lang]}
    </Tag>
  );
}
