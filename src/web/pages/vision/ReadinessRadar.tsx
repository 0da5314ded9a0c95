import { RadarChart } from "echarts/charts";
import { RadarComponent } from "echarts/components";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../../components/EChart";
import { echarts } from "../../echarts";
import { useLang } from "../../lang";
import type { Framework, ReadinessResult } from "../../vision/api";

echarts.use([RadarChart, RadarComponent]);

/** The ten prerequisites on a 0–4 radar; unscored axes are drawn at 0 and named in the note. */
export function ReadinessRadar({ result, framework }: { result: ReadinessResult; framework: Framework }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = new Map(framework.dimensions.flatMap((d) => d.prerequisites.map((p) => [p.key, p.names[lang]] as const)));
  const option = useMemo(() => ({
    tooltip: { trigger: "item" },
    radar: { indicator: result.radar.map((r) => ({ name: names.get(r.prerequisite) ?? r.prerequisite, max: 4, min: 0 })), radius: "65%", splitNumber: 4 },
    series: [{ type: "radar", name: t("vision.readiness.radar"), areaStyle: { opacity: 0.2 }, data: [{ value: result.radar.map((r) => r.score ?? 0), name: t("vision.readiness.score") }] }],
  }), [result, names, t]);
  return (
    <div>
      <EChart option={option} height={340} testId="readiness-radar" ariaLabel={t("vision.readiness.radarAria")} />
      <p className="cb-chart-note">
        {t("vision.readiness.scale")}: {framework.scale.map((s) => `${s.score} ${s[lang]}`).join(" · ")}
        {result.unscored.length > 0 && <> · {t("vision.readiness.unscored", { n: result.unscored.length })}</>}
        <br />{t("vision.readiness.source", { source: framework.source })}
      </p>
    </div>
  );
}
