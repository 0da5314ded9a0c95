import { Button, Card, Input, Select, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Partner, Tension } from "../../vision/api";
import { StakeholderGraph } from "./StakeholderGraph";

const SECTORS = ["public", "private", "people"] as const;

/** Public, private and people partners with their interests, and the tensions between pairs of them: a graph, and editable tables. */
export function StakeholderMap({ partners, tensions, onChange }: { partners: Partner[]; tensions: Tension[]; onChange: (p: Partner[], t: Tension[]) => void }) {
  const { t } = useTranslation();
  const [pair, setPair] = useState<[string | undefined, string | undefined]>([undefined, undefined]);
  const [description, setDescription] = useState("");
  const setPartner = (i: number, patch: Partial<Partner>) => onChange(partners.map((p, j) => (j === i ? { ...p, ...patch } : p)), tensions);
  const addPartner = () => {
    const used = new Set(partners.map((p) => p.id));
    let n = partners.length + 1;
    while (used.has(`p${n}`)) n++;
    onChange([...partners, { id: `p${n}`, name: "", sector: "public", interests: null }], tensions);
  };
  const removePartner = (id: string) => onChange(partners.filter((p) => p.id !== id), tensions.filter((x) => !x.between.includes(id)));
  const options = partners.map((p) => ({ value: p.id, label: p.name || p.id }));
  const name = (id: string) => partners.find((p) => p.id === id)?.name || id;
  return (
    <Card size="small" title={t("vision.readiness.stakeholders")} data-testid="stakeholder-map">
      <StakeholderGraph partners={partners} tensions={tensions} />
      <Table size="small" pagination={false} rowKey="id" dataSource={partners} data-testid="partners-table" columns={[
        { title: t("vision.readiness.partner"), key: "name", render: (_: unknown, p: Partner, i: number) => <Input value={p.name} onChange={(e) => setPartner(i, { name: e.target.value })} aria-label={t("vision.readiness.partner")} data-testid={`partner-name-${i}`} /> },
        { title: t("vision.readiness.sector"), key: "sector", render: (_: unknown, p: Partner, i: number) => <Select value={p.sector} style={{ width: 120 }} onChange={(v) => setPartner(i, { sector: v })} options={SECTORS.map((s) => ({ value: s, label: t(`vision.readiness.sectors.${s}`) }))} aria-label={t("vision.readiness.sector")} /> },
        { title: t("vision.readiness.interests"), key: "interests", render: (_: unknown, p: Partner, i: number) => <Input value={p.interests ?? ""} onChange={(e) => setPartner(i, { interests: e.target.value || null })} aria-label={t("vision.readiness.interests")} /> },
        { title: "", key: "x", render: (_: unknown, p: Partner) => <Button size="small" onClick={() => removePartner(p.id)}>{t("vision.readiness.remove")}</Button> },
      ]} />
      <Button onClick={addPartner} style={{ marginTop: 8 }} data-testid="partner-add">{t("vision.readiness.addPartner")}</Button>
      <Table size="small" pagination={false} style={{ marginTop: 16 }} rowKey={(x) => `${x.between.join("-")}-${x.description}`} dataSource={tensions} title={() => t("vision.readiness.tensions")} columns={[
        { title: t("vision.readiness.between"), key: "b", render: (_: unknown, x: Tension) => `${name(x.between[0])} ↔ ${name(x.between[1])}` },
        { title: t("vision.readiness.description"), dataIndex: "description", key: "d" },
        { title: "", key: "x", render: (_: unknown, x: Tension) => <Button size="small" onClick={() => onChange(partners, tensions.filter((y) => y !== x))}>{t("vision.readiness.remove")}</Button> },
      ]} />
      <Space wrap style={{ marginTop: 8 }}>
        <Select placeholder={t("vision.readiness.partner")} style={{ width: 160 }} value={pair[0]} onChange={(v) => setPair([v, pair[1]])} options={options} data-testid="tension-a" aria-label={`${t("vision.readiness.between")} 1`} />
        <Select placeholder={t("vision.readiness.partner")} style={{ width: 160 }} value={pair[1]} onChange={(v) => setPair([pair[0], v])} options={options} data-testid="tension-b" aria-label={`${t("vision.readiness.between")} 2`} />
        <Input placeholder={t("vision.readiness.description")} value={description} onChange={(e) => setDescription(e.target.value)} style={{ width: 240 }} aria-label={t("vision.readiness.description")} data-testid="tension-description" />
        <Button data-testid="tension-add" disabled={!pair[0] || !pair[1] || pair[0] === pair[1] || !description.trim()} onClick={() => {
          onChange(partners, [...tensions, { between: [pair[0] as string, pair[1] as string], description: description.trim() }]);
          setDescription("");
        }}>{t("vision.readiness.addTension")}</Button>
      </Space>
    </Card>
  );
}
