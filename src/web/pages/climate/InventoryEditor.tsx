import { useEffect, useMemo, useState } from "react";
import { Alert, Badge, Button, Card, Input, InputNumber, Select, Space, Table, Tabs, Typography } from "antd";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { type Activity, climateApi, type Gas, type InventoryView, type NotationKey } from "../../climate/api";
import { formatNumber, useLang } from "../../lang";
import { WIDE_LIST_PLACEMENTS } from "../../components/selectPlacements";
import { FactorSelect } from "./FactorSelect";
import { useGpc } from "./InventoryPanel";
import { ProblemList } from "./ProblemList";

type Kind = "factor" | "emissions" | "notation";
const UNITS = ["kWh", "MWh", "GWh", "MJ", "GJ", "TJ", "kg", "t", "kt", "L", "m³"];
const KEYS: NotationKey[] = ["NO", "IE", "NE", "C"];
const kindOf = (a: Activity): Kind => (a.notationKey ? "notation" : a.emissions?.length ? "emissions" : "factor");

/** The same activity entered another way, keeping its reference number and description. */
function convert(a: Activity, kind: Kind): Activity {
  const base = { gpc: a.gpc, ...(a.description ? { description: a.description } : {}), ...(a.source ? { source: a.source } : {}) };
  if (kind === "notation") return { ...base, notationKey: "NE" };
  if (kind === "emissions") return { ...base, emissions: [{ gas: "CO2", value: 0, unit: "t" }] };
  return { ...base, unit: "MWh" };
}

/** Activity data as one table per GPC sector; saved as a whole with the version it was based on. */
export function InventoryEditor({ view, onSaved, onConflict, editable = true }: { view: InventoryView; onSaved: (v: InventoryView) => void; onConflict: (err: unknown) => boolean; editable?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const gpc = useGpc();
  const [draft, setDraft] = useState<Activity[]>(view.inventory.activities);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    setDraft(view.inventory.activities);
    setDirty(false);
  }, [view.inventory.id, view.inventory.version, view.inventory.activities]);
  const final = view.inventory.status === "final";
  // Final, or the visitor may not edit this city's inventories (read from the server's write policy).
  const readOnly = final || !editable;
  const save = useMutation({
    mutationFn: () => climateApi.updateInventory(view.inventory.id, { version: view.inventory.version, activities: draft }),
    onSuccess: onSaved,
    onError: (err) => void onConflict(err),
  });

  const edit = (i: number, next: Activity) => {
    setDraft((d) => d.map((a, k) => (k === i ? next : a)));
    setDirty(true);
  };
  const remove = (i: number) => {
    setDraft((d) => d.filter((_, k) => k !== i));
    setDirty(true);
  };
  const sectors = gpc.data?.reference.sectors ?? [];
  const refOptions = useMemo(() => new Map(sectors.map((s) => [s.id, s.subsectors.flatMap((sub) => sub.references.map((r) => ({
    value: r.ref, label: `${r.ref} ${sub.names[lang]} · ${t("climate.summary.scope", { scope: r.scope })}`,
  })))])), [sectors, lang, t]);
  // An activity stored with an older spelling (IV.1.1) shows as the GPC writes it (IV.1).
  const canonical = useMemo(() => new Map(sectors.flatMap((s) => s.subsectors.flatMap((sub) => sub.references.flatMap((r) => (r.aliases ?? []).map((alias) => [alias, r.ref] as const))))), [sectors]);
  const result = dirty ? null : view.result;

  const resultText = (index: number) => {
    const r = result?.activities.find((x) => x.index === index);
    return r && !r.notationKey ? formatNumber(r.tCO2e, lang) : "—";
  };
  const refLabel = (sectorId: string, ref: string) => refOptions.get(sectorId)?.find((o) => o.value === (canonical.get(ref) ?? ref))?.label ?? ref;
  const notationLabel = (k: NotationKey) => {
    const n = gpc.data?.reference.notationKeys.find((x) => x.key === k);
    return n ? `${k} — ${n.names[lang]}` : k;
  };
  const dataText = (a: Activity) => {
    const kind = kindOf(a);
    if (kind === "notation") return notationLabel(a.notationKey!);
    if (kind === "emissions") return a.emissions!.map((e) => `${e.gas} ${formatNumber(e.value, lang)} ${e.unit}`).join(", ");
    const parts = [a.amount === undefined ? "—" : `${formatNumber(a.amount, lang)} ${a.unit ?? ""}`.trim()];
    if (a.factor) parts.push(a.factor);
    if (a.factors?.length) parts.push(t("climate.editor.inline", { text: a.factors.map((f) => `${f.gas} ${f.value} ${f.unit}`).join(", ") }));
    return parts.join(" · ");
  };

  /** What a visitor (or anyone, once the inventory is final) sees: the activity data as text, no disabled fields. */
  const readOnlyTable = (sectorId: string) => {
    const rows = draft.map((a, index) => ({ a, index })).filter(({ a }) => a.gpc.split(".")[0] === sectorId);
    return (
      <Table<{ a: Activity; index: number }> size="small" rowKey="index" pagination={false} dataSource={rows} data-testid={`editor-table-${sectorId}`} scroll={{ x: "max-content" }}
        locale={{ emptyText: t("climate.editor.emptySector") }}
        columns={[
          { title: t("climate.editor.ref"), key: "gpc", render: (_: unknown, { a }) => refLabel(sectorId, a.gpc) },
          { title: t("climate.editor.kind"), key: "kind", render: (_: unknown, { a }) => t(`climate.editor.kinds.${kindOf(a)}`) },
          { title: t("climate.editor.description"), key: "description", render: (_: unknown, { a }) => a.description ?? "" },
          { title: `${t("climate.editor.amount")} · ${t("climate.editor.factor")}`, key: "data", render: (_: unknown, { a, index }) => <span data-testid={`activity-${index}-text`}>{dataText(a)}</span> },
          { title: t("climate.editor.result"), key: "result", align: "right" as const, width: 120, render: (_: unknown, { index }) => resultText(index) },
        ]} />
    );
  };

  const table = (sectorId: string) => {
    if (readOnly) return readOnlyTable(sectorId);
    const rows = draft.map((a, index) => ({ a, index })).filter(({ a }) => a.gpc.split(".")[0] === sectorId);
    return (
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Table<{ a: Activity; index: number }> size="small" rowKey="index" pagination={false} dataSource={rows} data-testid={`editor-table-${sectorId}`} scroll={{ x: "max-content" }}
          locale={{ emptyText: t("climate.editor.emptySector") }}
          columns={[
            { title: t("climate.editor.ref"), key: "gpc", width: 240, render: (_: unknown, { a, index }) => (
              <Select aria-label={t("climate.editor.ref")} value={canonical.get(a.gpc) ?? a.gpc} style={{ width: 230 }} popupMatchSelectWidth={420} builtinPlacements={WIDE_LIST_PLACEMENTS}
                options={refOptions.get(sectorId)} onChange={(gpcRef: string) => edit(index, { ...a, gpc: gpcRef })} data-testid={`activity-${index}-gpc`} />
            ) },
            { title: t("climate.editor.kind"), key: "kind", width: 180, render: (_: unknown, { a, index }) => (
              <Select aria-label={t("climate.editor.kind")} value={kindOf(a)} style={{ width: 170 }} data-testid={`activity-${index}-kind`}
                onChange={(k: Kind) => edit(index, convert(a, k))}
                options={(["factor", "emissions", "notation"] as const).map((k) => ({ value: k, label: t(`climate.editor.kinds.${k}`) }))} />
            ) },
            { title: t("climate.editor.description"), key: "description", render: (_: unknown, { a, index }) => (
              <Input aria-label={t("climate.editor.description")} value={a.description ?? ""} maxLength={500} style={{ width: 200 }}
                onChange={(e) => edit(index, { ...a, description: e.target.value || undefined })} />
            ) },
            { title: `${t("climate.editor.amount")} · ${t("climate.editor.factor")}`, key: "data", render: (_: unknown, { a, index }) => {
              const kind = kindOf(a);
              if (kind === "notation") {
                return <Select aria-label={t("climate.editor.notationKey")} value={a.notationKey} style={{ width: 220 }} data-testid={`activity-${index}-key`}
                  onChange={(k: NotationKey) => edit(index, { ...a, notationKey: k })}
                  options={(gpc.data?.reference.notationKeys ?? KEYS.map((key) => ({ key, names: { en: key, zh: key } }))).map((n) => ({ value: n.key, label: `${n.key} — ${n.names[lang]}` }))} />;
              }
              if (kind === "emissions") {
                const e = a.emissions![0]!;
                return (
                  <Space>
                    <Select aria-label={t("climate.editor.gas")} value={e.gas} style={{ width: 90 }} options={["CO2", "CH4", "N2O"].map((g) => ({ value: g, label: g }))}
                      onChange={(g: Gas) => edit(index, { ...a, emissions: [{ ...e, gas: g }, ...a.emissions!.slice(1)] })} />
                    <Space.Compact style={{ width: 180 }}>
                      <InputNumber aria-label={t("climate.editor.tonnes")} value={e.value} style={{ width: "100%" }} data-testid={`activity-${index}-tonnes`}
                        onChange={(v) => edit(index, { ...a, emissions: [{ ...e, value: v ?? 0 }, ...a.emissions!.slice(1)] })} />
                      <Space.Addon>{e.unit}</Space.Addon>
                    </Space.Compact>
                    {a.emissions!.length > 1 && <Typography.Text type="secondary">+{a.emissions!.slice(1).map((x) => `${x.gas} ${x.value} ${x.unit}`).join(", ")}</Typography.Text>}
                  </Space>
                );
              }
              return (
                <Space wrap>
                  <InputNumber aria-label={t("climate.editor.amount")} value={a.amount} style={{ width: 150 }} data-testid={`activity-${index}-amount`}
                    onChange={(v) => edit(index, { ...a, amount: v ?? undefined })} />
                  <Select aria-label={t("climate.editor.unit")} value={a.unit} style={{ width: 90 }} options={UNITS.map((u) => ({ value: u, label: u }))}
                    onChange={(u: string) => edit(index, { ...a, unit: u })} data-testid={`activity-${index}-unit`} />
                  <FactorSelect ariaLabel={t("climate.editor.factor")} value={a.factor} onChange={(f) => edit(index, { ...a, factor: f })} />
                  {a.factors?.length ? <Typography.Text type="secondary">{t("climate.editor.inline", { text: a.factors.map((f) => `${f.gas} ${f.value} ${f.unit}`).join(", ") })}</Typography.Text> : null}
                </Space>
              );
            } },
            { title: t("climate.editor.result"), key: "result", align: "right" as const, width: 120, render: (_: unknown, { index }) => resultText(index) },
            { title: "", key: "remove", width: 60, render: (_: unknown, { index }) => (
              <Button size="small" danger aria-label={t("climate.editor.remove", { n: index + 1 })} onClick={() => remove(index)}>×</Button>
            ) },
          ]} />
        <Button onClick={() => { setDraft((d) => [...d, { gpc: refOptions.get(sectorId)?.[0]?.value ?? `${sectorId}.1.1`, unit: "MWh" }]); setDirty(true); }} data-testid={`editor-add-${sectorId}`}>
          {t("climate.editor.add")}
        </Button>
      </Space>
    );
  };

  return (
    <Card title={t("climate.editor.title")} data-testid="inventory-editor" extra={editable &&
      <Space>
        {dirty && <Badge status="warning" text={t("climate.inventory.unsaved")} />}
        <Button disabled={!dirty} onClick={() => { setDraft(view.inventory.activities); setDirty(false); save.reset(); }}>{t("climate.inventory.discard")}</Button>
        <Button type="primary" disabled={!dirty || readOnly} loading={save.isPending} onClick={() => save.mutate()} data-testid="inventory-save">{t("climate.inventory.save")}</Button>
      </Space>
    }>
      {final && editable && <Alert type="info" showIcon title={t("climate.inventory.finalReadOnly")} style={{ marginBottom: 12 }} />}
      <ProblemList error={save.error instanceof ApiError && save.error.status !== 409 ? save.error : null} testId="inventory-save-problems" />
      <Tabs items={sectors.map((s) => ({
        key: s.id,
        label: <span data-testid={`editor-tab-${s.id}`}>{t("climate.editor.sectorTab", { id: s.id, name: s.names[lang] })} <Badge count={draft.filter((a) => a.gpc.split(".")[0] === s.id).length} showZero={false} color="#0b5394" /></span>,
        children: table(s.id),
      }))} />
    </Card>
  );
}
