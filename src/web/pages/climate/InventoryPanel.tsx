import { useState } from "react";
import { App, Button, Card, Dropdown, Empty, Form, InputNumber, Input, Modal, Select, Space, Tag, Typography, Upload } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError, type City } from "../../api";
import { climateApi, type GwpSetId, type InventoryView } from "../../climate/api";
import { ErrorState, Loading } from "../../components/States";
import { useLang } from "../../lang";
import { InventoryEditor } from "./InventoryEditor";
import { InventorySummary } from "./InventorySummary";
import { ProblemList } from "./ProblemList";
import { path, SignInToEdit, useCan, write } from "../../account/permissions";
import { useClimateParam } from "./useClimateParam";

export function useGpc() {
  return useQuery({ queryKey: ["gpc"], queryFn: ({ signal }) => climateApi.gpc(signal), staleTime: Infinity });
}

function NewInventory({ city, onCreated }: { city: City; onCreated: (year: number) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const lang = useLang();
  const gpc = useGpc();
  const [form] = Form.useForm<{ year: number; gwp: GwpSetId; population?: number; populationSource?: string }>();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (v: { year: number; gwp: GwpSetId; population?: number; populationSource?: string }) =>
      climateApi.createInventory(city.slug, { year: v.year, gwp: v.gwp, population: v.population ?? null, populationSource: v.populationSource || null }),
    onSuccess: (view) => {
      qc.setQueryData(["inventory", view.inventory.id], view);
      void qc.invalidateQueries({ queryKey: ["inventories", city.slug] });
      setOpen(false);
      onCreated(view.inventory.year);
    },
  });
  const may = useCan(write("POST", path("cities", city.slug, "inventories")));
  if (!may?.allowed) return may?.needs === "sign-in" ? <SignInToEdit testId="inventory-sign-in" /> : null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="inventory-new">{t("climate.inventory.create")}</Button>
      <Modal open={open} title={t("climate.inventory.createTitle")} okText={t("climate.inventory.createOk")} cancelText={t("climate.inventory.cancel")}
        onOk={() => void form.validateFields().then((v) => create.mutate(v))} onCancel={() => setOpen(false)} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() - 2, gwp: "ar5" }} data-testid="inventory-new-form">
          <Form.Item name="year" label={t("climate.inventory.year")} rules={[{ required: true }]}><InputNumber min={1990} max={2100} data-testid="inventory-new-year" /></Form.Item>
          <Form.Item name="gwp" label={t("climate.inventory.gwp")}>
            <Select options={(["ar5", "ar6"] as const).map((id) => ({ value: id, label: gpc.data?.gwp.find((g) => g.id === id)?.names[lang] ?? `IPCC ${id.toUpperCase()}` }))} data-testid="inventory-new-gwp" />
          </Form.Item>
          <Form.Item name="population" label={t("climate.inventory.population")}><InputNumber min={1} style={{ width: "100%" }} /></Form.Item>
          <Form.Item name="populationSource" label={t("climate.inventory.populationSource")}><Input maxLength={300} /></Form.Item>
        </Form>
        <ProblemList error={create.error} />
      </Modal>
    </>
  );
}

/** The inventory of the year in the URL (?year=), with its status, actions, summary and editor. */
export function InventoryPanel({ city }: { city: City }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [yearParam, setYear] = useClimateParam("year");
  const list = useQuery({ queryKey: ["inventories", city.slug], queryFn: ({ signal }) => climateApi.inventories(city.slug, signal) });
  const items = list.data?.items ?? [];
  const chosen = items.find((i) => String(i.year) === yearParam) ?? items[0];
  const view = useQuery({ queryKey: ["inventory", chosen?.id], queryFn: ({ signal }) => climateApi.inventory(chosen!.id, signal), enabled: !!chosen });
  const [importError, setImportError] = useState<unknown>(null);
  const mayEdit = useCan(chosen ? write("PUT", path("inventories", chosen.id)) : null)?.allowed ?? false;

  const applied = (v: InventoryView) => {
    qc.setQueryData(["inventory", v.inventory.id], v);
    void qc.invalidateQueries({ queryKey: ["inventories", city.slug] });
    void qc.invalidateQueries({ queryKey: ["pathway", city.slug] });
  };
  const onConflict = (err: unknown) => {
    if (err instanceof ApiError && err.status === 409 && (err.problem as { current?: InventoryView }).current) {
      const current = (err.problem as { current: InventoryView }).current;
      applied(current);
      void message.warning(t("climate.inventory.conflict", { version: current.inventory.version }));
      return true;
    }
    return false;
  };
  const status = useMutation({
    mutationFn: (v: InventoryView) => (v.inventory.status === "draft" ? climateApi.finalise(v.inventory.id, v.inventory.version) : climateApi.reopen(v.inventory.id, v.inventory.version)),
    onSuccess: (v) => {
      applied(v);
      if (v.inventory.status === "final") void message.success(t("climate.inventory.finalised", { year: v.inventory.year }));
    },
    onError: (err) => void onConflict(err),
  });

  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Loading rows={6} />;
  if (!chosen) {
    return (
      <Card>
        <Empty description={t("climate.inventory.none")} data-testid="inventory-none"><NewInventory city={city} onCreated={(y) => setYear(String(y))} /></Empty>
      </Card>
    );
  }
  const v = view.data;
  const final = v?.inventory.status === "final";
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <Space wrap align="center">
          <Typography.Text strong id="inventory-year-label">{t("climate.inventory.pick")}</Typography.Text>
          <Select aria-labelledby="inventory-year-label" data-testid="inventory-year" value={chosen.year} style={{ minWidth: 160 }} onChange={(y) => setYear(String(y))}
            options={items.map((i) => ({ value: i.year, label: `${i.year} · ${t(`climate.inventory.${i.status}`)}` }))} />
          {v && (
            <>
              <Tag color={final ? "green" : "gold"} data-testid="inventory-status">{t(`climate.inventory.${v.inventory.status}`)}</Tag>
              <Typography.Text type="secondary">{t("climate.inventory.version", { version: v.inventory.version })}</Typography.Text>
              {mayEdit && <Button type={final ? "default" : "primary"} loading={status.isPending} onClick={() => status.mutate(v)} data-testid="inventory-status-button" title={t("climate.inventory.finaliseHelp")}>
                {final ? t("climate.inventory.reopen") : t("climate.inventory.finalise")}
              </Button>}
              {!final && mayEdit && (
                <Upload accept=".csv,text/csv" showUploadList={false} maxCount={1}
                  beforeUpload={(file) => {
                    setImportError(null);
                    climateApi.importCsv(v.inventory.id, v.inventory.version, file).then(applied, (err: unknown) => { if (!onConflict(err)) setImportError(err); });
                    return false;
                  }}>
                  <Button data-testid="inventory-import" title={t("climate.inventory.importHelp")}>{t("climate.inventory.importCsv")}</Button>
                </Upload>
              )}
              <Dropdown menu={{ items: (["csv", "json", "crf"] as const).map((f) => ({ key: f, label: <a href={climateApi.exportUrl(v.inventory.id, f)} download>{t(`climate.inventory.export${f === "csv" ? "Csv" : f === "json" ? "Json" : "Crf"}`)}</a> })) }}>
                <Button data-testid="inventory-export">{t("climate.inventory.export")}</Button>
              </Dropdown>
            </>
          )}
          <NewInventory city={city} onCreated={(y) => setYear(String(y))} />
        </Space>
        <ProblemList error={status.error instanceof ApiError && status.error.status !== 409 ? status.error : null} testId="inventory-status-problems" />
        <ProblemList error={importError} title={t("climate.inventory.importFailed")} testId="inventory-import-problems" />
      </Card>
      {view.error ? <ErrorState error={view.error} onRetry={() => void view.refetch()} /> : !v ? <Loading rows={8} /> : (
        <>
          <InventorySummary view={v} />
          <InventoryEditor view={v} onSaved={applied} onConflict={onConflict} editable={mayEdit} />
        </>
      )}
    </Space>
  );
}
