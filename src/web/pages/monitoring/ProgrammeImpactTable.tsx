import { type Dispatch, type SetStateAction, useRef, useState } from "react";
import { Alert, Card, Empty, Space, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ApiError } from "../../api";
import { PlainTable, type PlainColumn } from "../../components/PlainTable";
import { Loading } from "../../components/States";
import { CityName, nameIn } from "../../components/Orig";
import { problemText } from "../../problem-text";
import { formatNumber, useLang } from "../../lang";
import { pick } from "../../monitoring/api";
import { impactListsApi, type ProgrammeImpactRow } from "../../monitoring/impact-api";
import { useIndicators } from "../../queries";

/** The themes' yearly series the issue names: CEADs CO2 and WHO PM2.5. */
const DEFAULT_INDICATORS = ["ghg.co2_total", "air.pm25_annual"];
/** At most this many indicators at once (each adds a synthetic-control fit per member city). */
const MAX_INDICATORS = 6;
/** p above this: no effect that can be told apart from chance (as the engine's verdict says). */
const DETECTABLE_P = 0.1;

/** Why a row has no evaluation, rendered from its status (and the engine's problem code) in the UI language. */
function NoEvaluationReason({ row: r }: { row: ProgrammeImpactRow }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (r.status === "evaluated") return null;
  if (r.status === "not_evaluable") {
    const why = r.problem ? problemText({ code: r.problem.code, params: r.problem.params, detail: r.reason?.en }, r.reason?.[lang] ?? "") : r.reason?.[lang] ?? "";
    return <>{r.problem ? t("impact.reasonText.not_evaluable", { why }) : why}</>;
  }
  // A city without a Chinese name keeps its English (GeoNames) name, marked as such.
  const { text: city, english } = nameIn(r.city.names, lang);
  return (
    <Trans i18nKey={`impact.reasonText.${r.status}`} values={{ city, indicator: r.indicator.names[lang], start: r.start }}
      components={{ c: english ? <span lang="en" /> : <span /> }} />
  );
}

/**
 * The chosen indicators as tags (a click removes one, and the focus goes to the select), a native
 * select adds one: keyboard-usable and light to mount. Its own component, so that the indicator
 * catalogue arriving re-renders the picker only, not the table.
 */
function IndicatorPicker({ codes, setCodes, rows }: { codes: string[]; setCodes: Dispatch<SetStateAction<string[]>>; rows: readonly ProgrammeImpactRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const catalogue = useIndicators();
  const addRef = useRef<HTMLSelectElement>(null);
  const indicators = catalogue.data?.items ?? [];
  const nameOf = (code: string) => indicators.find((i) => i.code === code)?.names[lang] ?? rows.find((r) => r.indicator.code === code)?.indicator.names[lang] ?? code;
  const full = codes.length >= MAX_INDICATORS;
  return (
    // A plain flex row, not antd's Space: Space keys its items by position, so removing a tag would remount the select and lose the focus given to it.
    <div className="cb-impact-picker" role="group" aria-labelledby="programme-impact-indicators-label" data-testid="programme-impact-indicators">
      <span id="programme-impact-indicators-label">{t("impact.indicators")}</span>
      {codes.map((code) => (
        <button key={code} type="button" className="cb-picked" data-testid={`programme-impact-indicator-${code}`} aria-label={t("light.removeIndicator", { name: nameOf(code) })}
          onClick={() => { setCodes((c) => c.filter((x) => x !== code)); addRef.current?.focus(); }}>
          {nameOf(code)}<span aria-hidden="true" className="cb-picked-x">✕</span>
        </button>
      ))}
      <select ref={addRef} id="programme-impact-indicators" className="cb-add-select" value="" aria-label={full ? t("light.maxIndicators", { n: MAX_INDICATORS }) : t("light.addIndicator")}
        data-testid="programme-impact-add" onChange={(e) => { const v = e.target.value; if (v && !full) setCodes((c) => (c.includes(v) ? c : [...c, v])); }}>
        <option value="">{full ? t("light.maxIndicators", { n: MAX_INDICATORS }) : t("light.addIndicator")}</option>
        {!full && indicators.filter((i) => !codes.includes(i.code)).map((i) => <option key={i.code} value={i.code}>{i.names[lang]}</option>)}
      </select>
    </div>
  );
}

const rowKey = (r: ProgrammeImpactRow) => `${r.indicator.code}/${r.cooperation.id}/${r.city.slug}`;

/**
 * The programme's impact evaluations: every member city × indicator with its effect against the
 * synthetic control, the placebo p-value, the fit before the start and the warnings; each row
 * links to the chart on the cooperation's Monitoring tab.
 */
export default function ProgrammeImpactTable({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [codes, setCodes] = useState(DEFAULT_INDICATORS);
  const q = useQuery({
    queryKey: ["impact", "programme", programmeId, codes],
    queryFn: ({ signal }) => impactListsApi.programme(programmeId, codes, signal),
    enabled: codes.length > 0,
    retry: false,
    staleTime: 5 * 60_000,
  });
  const rows = q.data?.rows ?? [];
  const evaluated = rows.filter((r) => r.status === "evaluated");
  const fmt = (x: number, digits = 1) => formatNumber(Number(x.toFixed(digits)), lang);

  const columns: PlainColumn<ProgrammeImpactRow>[] = [
    { title: t("impact.col.city"), key: "city", render: (r) => <Link to={`/cities/${r.city.slug}?tab=cooperations`}><CityName names={r.city.names} /></Link> },
    { title: t("impact.col.cooperation"), key: "coop", render: (r) => <Link to={`/cooperations/${encodeURIComponent(r.cooperation.id)}`}>{pick(r.cooperation.names, lang).text}</Link> },
    { title: t("impact.col.indicator"), key: "indicator", render: (r) => r.indicator.names[lang] },
    { title: t("impact.col.start"), key: "start", render: (r) => r.start ?? "—" },
    {
      title: t("impact.col.effect"),
      key: "effect",
      render: (r) => {
        if (r.status !== "evaluated") return <Typography.Text type="secondary">{t(`impact.status.${r.status}`)}</Typography.Text>;
        const e = r.effectShare;
        const text = e === null || e === 0 ? t("impact.effect.none") : t(`impact.effect.${e < 0 ? "below" : "above"}`, { pct: fmt(Math.abs(e) * 100) });
        return (
          <span data-testid="impact-effect">
            {text}
            {r.pValue !== null && r.pValue > DETECTABLE_P && <Typography.Text type="secondary"> ({t("impact.noDetectable")})</Typography.Text>}
          </span>
        );
      },
    },
    {
      title: t("impact.col.pValue"),
      key: "p",
      align: "right",
      render: (r) => (r.pValue === null ? "—" : <span title={t("impact.pValueText", { rank: r.rank, of: r.of, p: fmt(r.pValue, 2) })}>{fmt(r.pValue, 2)}</span>),
    },
    {
      title: t("impact.col.preFit"),
      key: "fit",
      render: (r) => {
        if (r.preFit === null) return r.status === "evaluated" ? "—" : <Typography.Text type="secondary"><NoEvaluationReason row={r} /></Typography.Text>;
        const label = t(`impact.preFit.${r.preFit}`, { share: fmt((r.preFitShare ?? 0) * 100, 2), n: r.preYears });
        return <Typography.Text type={r.preFit === "good" ? undefined : "warning"}>{label}</Typography.Text>;
      },
    },
    {
      title: t("impact.col.warnings"),
      key: "warnings",
      render: (r) => <Space size={2} wrap>{r.warnings.map((w) => <Tag key={w.code} color="warning">{t(`impact.warningShort.${w.code}`, { defaultValue: w.code })}</Tag>)}</Space>,
    },
    {
      title: t("impact.col.chart"),
      key: "chart",
      render: (r) => r.status !== "evaluated" ? null : (
        <Link
          to={`/cooperations/${encodeURIComponent(r.cooperation.id)}?${new URLSearchParams({ tab: "monitoring", impactCity: r.city.slug, impactIndicator: r.indicator.code })}`}
          aria-label={t("impact.openChartAria", { city: r.city.names[lang], indicator: r.indicator.names[lang], cooperation: pick(r.cooperation.names, lang).text })}
          data-testid="impact-chart-link"
        >
          {t("impact.openChart")}
        </Link>
      ),
    },
  ];

  return (
    <Card title={t("impact.programmeTitle")} data-testid="programme-impact">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t("impact.programmeIntro")}</Typography.Paragraph>
        <IndicatorPicker codes={codes} setCodes={setCodes} rows={rows} />
        {q.isLoading && <Loading rows={4} />}
        {q.error && (
          <Alert type="error" showIcon data-testid="programme-impact-error" title={t("impact.unavailable")}
            description={q.error instanceof ApiError ? q.error.message : String(q.error)} />
        )}
        {q.data && rows.length === 0 && <Empty description={t("impact.noCooperations")} />}
        {q.data && rows.length > 0 && (
          <>
            <Typography.Text data-testid="programme-impact-summary">
              {t("impact.summary", { rows: rows.length, evaluated: evaluated.length, detectable: evaluated.filter((r) => r.pValue !== null && r.pValue <= DETECTABLE_P).length })}
            </Typography.Text>
            <PlainTable<ProgrammeImpactRow>
              rowKey={rowKey}
              data-testid="programme-impact-table"
              aria-label={t("impact.programmeTitle")}
              rows={rows}
              rowProps={(r) => ({ "data-testid": `impact-row-${r.cooperation.id}-${r.city.slug}-${r.indicator.code}`, "data-status": r.status })}
              expandable={{
                rowExpandable: (r) => r.status === "evaluated",
                label: (r) => `${r.city.names[lang]} · ${r.indicator.names[lang]}`,
                render: (r) => (
                  <Space orientation="vertical" size={4}>
                    {r.verdict && <Typography.Text>{r.verdict[lang]}</Typography.Text>}
                    {r.warnings.length > 0 && <ItemList size="small" dataSource={r.warnings} renderItem={(w) => <ItemList.Item>{w[lang]}</ItemList.Item>} />}
                  </Space>
                ),
              }}
              columns={columns}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
