import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { cityName } from "../../api";
import { EChart } from "../../components/EChart";
import type { EChartsOption } from "../../echarts";
import { formatNumber, useLang } from "../../lang";
import type { PairingResult } from "../../matching/api";
import "./charts";
import { reasonText } from "./reasonText";

export type PairState = "pinned" | "forbidden" | undefined;

/**
 * The score matrix as a heatmap: rows side A, columns side B, cell = symmetric score (0–1).
 * Proposed pairs are outlined and marked ✓, pinned ones 📌, forbidden ones ✕ (never colour alone);
 * the tooltip gives the cell's two main reasons. Clicking a cell reports its pair.
 */
export function PairingHeatmap({ result, stateOf, indicatorName, onCell }: {
  result: PairingResult;
  stateOf: (a: string, b: string) => PairState;
  indicatorName: (code: string) => string;
  onCell: (a: string, b: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = result.sideA.map((c) => cityName(c.names, lang));
  const cols = result.sideB.map((c) => cityName(c.names, lang));
  const option = useMemo<EChartsOption>(() => {
    const paired = new Set(result.pairs.map((p) => `${p.a}|${p.b}`));
    const data = result.scores.flatMap((row, i) =>
      row.map((cell, j) => {
        const a = result.sideA[i]!.slug;
        const b = result.sideB[j]!.slug;
        const state = stateOf(a, b);
        const inPairing = paired.has(`${a}|${b}`);
        const mark = state === "forbidden" ? " ✕" : state === "pinned" ? " 📌" : inPairing ? " ✓" : "";
        return {
          value: [j, i, cell.score],
          a, b, mark,
          reasons: cell.reasons.map((r) => `${t(`matching.factors.${r.factor}`, { defaultValue: r.factor })} ${Math.round(r.share * 100)} %: ${reasonText(r, t, lang, indicatorName)}`),
          itemStyle: inPairing ? { borderColor: "#111", borderWidth: 3 } : state === "forbidden" ? { borderColor: "#c00", borderWidth: 2, opacity: 0.45 } : { borderColor: "#fff", borderWidth: 1 },
        };
      }),
    );
    const max = Math.max(0.01, ...data.map((d) => d.value[2]!));
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 70, containLabel: true },
      tooltip: {
        formatter: (p: { data: { value: number[]; reasons: string[] } }) => {
          const [j, i, score] = p.data.value as [number, number, number];
          return [t("matching.pairing.cellAction", { a: rows[i], b: cols[j], score: formatNumber(score, lang) }), ...p.data.reasons].join("<br/>");
        },
      },
      xAxis: { type: "category", data: cols, axisLabel: { rotate: cols.length > 6 ? 30 : 0, interval: 0 }, splitArea: { show: true } },
      yAxis: { type: "category", data: rows, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: true, orient: "horizontal", left: "center", bottom: 0, text: [formatNumber(max, lang), `${t("matching.pairing.scoreLegend")}  0`], inRange: { color: ["#f3f6fa", "#9fc5e8", "#0b5394"] } },
      series: [{
        type: "heatmap",
        data,
        label: { show: true, formatter: (p: { data: { value: number[]; mark: string } }) => `${formatNumber(p.data.value[2]!, lang)}${p.data.mark}`, fontSize: 11 },
        emphasis: { itemStyle: { borderColor: "#f1c232", borderWidth: 3 } },
      }],
    };
  }, [result, stateOf, lang, t, indicatorName, rows.join("|"), cols.join("|")]);
  return (
    <EChart
      testId="pairing-heatmap"
      option={option}
      height={Math.max(260, 110 + rows.length * 44)}
      ariaLabel={t("matching.pairing.matrixAria", { rows: rows.join(", "), cols: cols.join(", ") })}
      onItemClick={(d) => {
        const cell = d as { a?: string; b?: string } | undefined;
        if (cell?.a && cell.b) onCell(cell.a, cell.b);
      }}
    />
  );
}
