/** The map's optional programme picker: draws a line between each pair of cooperating cities of the chosen programme. */
import { Select } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Lang } from "../api";
import type { EChartsOption } from "../echarts";
import { esc } from "../html";
import { programmesApi } from "../programmes/api";
import { monitoringApi, pick, type ProgrammeMonitoring } from "./api";
import "./charts"; // registers the lines chart

export function useProgrammeLines(programmeId: string | null) {
  return useQuery({
    queryKey: ["monitoring", "programme", programmeId],
    queryFn: ({ signal }) => monitoringApi.programme(programmeId!, signal),
    enabled: !!programmeId,
  });
}

/** Adds the programme's cooperation lines (and its cities) to a geo map option. */
export function withProgrammeLines(option: EChartsOption, m: ProgrammeMonitoring | undefined, lang: Lang): EChartsOption {
  if (!m) return option;
  const members = new Map(m.cooperations.flatMap((c) => c.members).map((x) => [x.slug, x]));
  const coopName = new Map(m.cooperations.map((c) => [c.id, pick(c.names, lang).text]));
  const name = (s: string) => pick(members.get(s)?.names, lang).text || s;
  const series = (option.series as unknown[] | undefined) ?? [];
  return {
    ...option,
    series: [
      ...series,
      {
        name: pick(m.programme.names, lang).text,
        type: "lines",
        coordinateSystem: "geo",
        zlevel: 1,
        lineStyle: { color: "#0b5394", width: 2, opacity: 0.8, curveness: 0.2 },
        tooltip: { formatter: (p: { data?: { name?: string; coop?: string } }) => `<b>${esc(p.data?.name ?? "")}</b><br/>${esc(p.data?.coop ?? "")}` },
        data: m.lines.flatMap((l) => {
          const a = members.get(l.from);
          const b = members.get(l.to);
          return a && b ? [{ name: `${name(l.from)} — ${name(l.to)}`, coop: coopName.get(l.cooperationId) ?? l.cooperationId, coords: [[a.lon, a.lat], [b.lon, b.lat]] }] : [];
        }),
      },
    ],
  };
}

/** A select of programmes; empty = no lines. */
export function ProgrammePicker({ value, onChange, lang }: { value: string | null; onChange: (id: string | null) => void; lang: Lang }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ["programmes"], queryFn: ({ signal }) => programmesApi.list(signal), staleTime: 60_000 });
  return (
    <>
      <label htmlFor="map-programme">{t("monitoring.programmePicker")}</label>
      <Select
        id="map-programme"
        data-testid="map-programme-select"
        allowClear
        style={{ minWidth: 220 }}
        placeholder={t("monitoring.programmePickerPlaceholder")}
        value={value ?? undefined}
        loading={list.isLoading}
        onChange={(v: string | undefined) => onChange(v ?? null)}
        options={(list.data?.programmes ?? []).map((p) => ({ value: p.id, label: pick(p.names, lang).text }))}
      />
    </>
  );
}
