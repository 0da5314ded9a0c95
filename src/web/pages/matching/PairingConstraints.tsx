import { useState } from "react";
import { Button, Select, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { cityName } from "../../api";
import { useLang } from "../../lang";
import type { PairingResult } from "../../matching/api";
import type { PairState } from "./PairingHeatmap";

/** Pin or forbid any pair from the keyboard (the heatmap's click, without a mouse), and the pins and bans in force, each removable. */
export function PairingConstraints({ result, fixed, forbidden, setState }: {
  result: PairingResult; fixed: [string, string][]; forbidden: [string, string][]; setState: (a: string, b: string, s: PairState) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const names = new Map([...result.sideA, ...result.sideB].map((c) => [c.slug, cityName(c.names, lang)]));
  const name = (slug: string) => names.get(slug) ?? slug;
  const apply = (s: PairState) => { if (a && b) setState(a, b, s); };
  const tags = (ps: [string, string][], kind: "pinned" | "forbidden") =>
    ps.map(([x, y]) => (
      <Tag key={`${kind}-${x}-${y}`} color={kind === "pinned" ? "blue" : "red"} closable data-testid={`constraint-${kind}-${x}-${y}`}
        onClose={(e) => { e.preventDefault(); setState(x, y, undefined); }}>
        {t(`matching.pairing.${kind}`)}: {name(x)} – {name(y)}
      </Tag>
    ));
  return (
    <Space orientation="vertical" size={4} data-testid="pairing-constraints">
      <Space wrap>
        <Select aria-label={t("matching.pairing.sideA")} placeholder={t("matching.pairing.sideA")} value={a} onChange={setA} style={{ width: 180 }} data-testid="constraint-a"
          options={result.sideA.map((c) => ({ value: c.slug, label: name(c.slug) }))} />
        <span>–</span>
        <Select aria-label={t("matching.pairing.sideB")} placeholder={t("matching.pairing.sideB")} value={b} onChange={setB} style={{ width: 180 }} data-testid="constraint-b"
          options={result.sideB.map((c) => ({ value: c.slug, label: name(c.slug) }))} />
        <Button disabled={!a || !b} onClick={() => apply("pinned")} data-testid="constraint-pin">{t("matching.pairing.pin")}</Button>
        <Button disabled={!a || !b} danger onClick={() => apply("forbidden")} data-testid="constraint-forbid">{t("matching.pairing.forbid")}</Button>
      </Space>
      {(fixed.length > 0 || forbidden.length > 0) && <div>{tags(fixed, "pinned")}{tags(forbidden, "forbidden")}</div>}
      {fixed.length + forbidden.length === 0 && <Typography.Text type="secondary">{t("matching.pairing.cellHelp")}</Typography.Text>}
    </Space>
  );
}
