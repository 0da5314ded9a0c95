import { useCallback, useEffect, useRef, useState } from "react";
import { Alert, Button, Checkbox, Form, InputNumber, Space, Typography } from "antd";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { ApiError, cityName } from "../../api";
import { ErrorState, Loading } from "../../components/States";
import { useLang } from "../../lang";
import { matchingApi, type PairingRequest, type PairingResult } from "../../matching/api";
import { useIndicators } from "../../queries";
import { PairingConstraints } from "./PairingConstraints";
import { PairingHeatmap, type PairState } from "./PairingHeatmap";
import { PairingResultPanel } from "./PairingResultPanel";
import { PairingSides, type SideView } from "./PairingSides";
import { path, SignInToEdit, useCan, write } from "../../account/permissions";
import { FormedPairs } from "./FormedPairs";
import { problemItemText } from "../../problem-text";

const list = (v: string | null) => (v ? v.split(",").filter(Boolean) : null);
const pairs = (v: string | null): [string, string][] => (v ? v.split(",").flatMap((p) => { const [a, b] = p.split("~"); return a && b ? [[a, b] as [string, string]] : []; }) : []);
const pairsParam = (ps: [string, string][]) => ps.map(([a, b]) => `${a}~${b}`).join(",");
const int = (v: string | null, d: number) => (v !== null && /^\d+$/.test(v) ? Number(v) : d);

/**
 * The programme's pairing board: candidates of each side (accepted applications, eligible ones on
 * request, or cities added by hand — all kept in the URL), the score matrix as a heatmap, the
 * optimal pairing, pins and bans by clicking a cell or a pair, "Solve again" with the total before
 * and after, and "Propose as cooperations".
 */
export default function PairingBoardTab({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const includeEligible = params.get("elig") === "1";
  const candidates = useQuery({ queryKey: ["pairing-candidates", programmeId, includeEligible], queryFn: ({ signal }) => matchingApi.candidates(programmeId, includeEligible, signal) });
  const indicators = useIndicators();
  // The board is a computation for signed-in users (the server's write policy): others see the candidates and the formed pairs.
  const maySolve = useCan(write("POST", path("programmes", programmeId, "pairing")));
  const canSolve = maySolve?.allowed ?? false;
  const names = new Map((indicators.data?.items ?? []).map((i) => [i.code, i.names[lang]]));
  const indicatorName = useCallback((code: string) => names.get(code) ?? code, [indicators.data, lang]);

  const fromApps = (key: string) => (candidates.data?.candidates ?? []).filter((c) => c.side === key).map((c) => c.slug);
  const sideA = list(params.get("pa")) ?? fromApps("a");
  const sideB = list(params.get("pb")) ?? fromApps("b");
  const request: PairingRequest = {
    sideA, sideB, capacityA: int(params.get("k"), 3), capacityB: int(params.get("m"), 1), fixed: pairs(params.get("fix")), forbidden: pairs(params.get("ban")),
  };
  const set = (patch: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) if (v === null || v === "") next.delete(k); else next.set(k, v);
      return next;
    }, { replace: true });

  const [result, setResult] = useState<PairingResult | null>(null);
  const [previous, setPrevious] = useState<number | null>(null);
  const [solvedKey, setSolvedKey] = useState<string | null>(null);
  const current = useRef<PairingResult | null>(null);
  const solve = useMutation({
    mutationFn: (req: PairingRequest) => matchingApi.solve(programmeId, req),
    onSuccess: (res, req) => {
      setPrevious(current.current ? current.current.total : null);
      current.current = res;
      setResult(res);
      setSolvedKey(JSON.stringify(req));
    },
  });
  const ready = sideA.length > 0 && sideB.length > 0;
  const auto = useRef(false);
  useEffect(() => {
    if (!auto.current && candidates.data && ready && canSolve) {
      auto.current = true;
      solve.mutate(request);
    }
  }); // first solve once the candidates are known

  const stateOf = useCallback((a: string, b: string): PairState =>
    request.fixed.some(([x, y]) => x === a && y === b) ? "pinned" : request.forbidden.some(([x, y]) => x === a && y === b) ? "forbidden" : undefined,
  [params.get("fix"), params.get("ban")]);
  const setState = (a: string, b: string, state: PairState) => {
    const drop = (ps: [string, string][]) => ps.filter(([x, y]) => !(x === a && y === b));
    const fixed = drop(request.fixed);
    const forbidden = drop(request.forbidden);
    if (state === "pinned") fixed.push([a, b]);
    if (state === "forbidden") forbidden.push([a, b]);
    set({ fix: pairsParam(fixed), ban: pairsParam(forbidden) });
  };
  const formedPair = (a: string, b: string) => (candidates.data?.formed ?? []).some((f) => f.a === a && f.b === b);
  const cycle = (a: string, b: string) => {
    // A formed cooperation stays: it is neither pinned nor forbidden here.
    if (formedPair(a, b)) return;
    const s = stateOf(a, b);
    setState(a, b, s === undefined ? "pinned" : s === "pinned" ? "forbidden" : undefined);
  };

  if (candidates.error) return <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} />;
  if (!candidates.data) return <Loading rows={6} />;
  const sideNames = (key: string) => candidates.data.sides.find((s) => s.key === key)?.names;
  const label = (key: "a" | "b") => {
    const n = sideNames(key);
    const base = key === "a" ? t("matching.pairing.sideA") : t("matching.pairing.sideB");
    return n ? `${base} · ${cityName(n, lang)}` : base;
  };
  const nameOf = (slug: string) =>
    candidates.data.candidates.find((c) => c.slug === slug)?.names ?? [...(result?.sideA ?? []), ...(result?.sideB ?? [])].find((c) => c.slug === slug)?.names;
  const statusOf = (slug: string) =>
    [...(result?.sideA ?? []), ...(result?.sideB ?? [])].find((c) => c.slug === slug)?.status ?? candidates.data.candidates.find((c) => c.slug === slug)?.status ?? "added";
  const sides: [SideView, SideView] = [{ key: "a", label: label("a"), slugs: sideA }, { key: "b", label: label("b"), slugs: sideB }];
  const stale = solvedKey !== JSON.stringify(request);
  const error = solve.error instanceof ApiError ? solve.error : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="pairing-board">
      <Typography.Text type="secondary">{t("matching.pairing.intro")}</Typography.Text>
      {candidates.data.candidates.length === 0 && <Alert type="info" showIcon title={t("matching.pairing.noCandidates")} data-testid="pairing-no-candidates" />}
      <FormedPairs programme={candidates.data} />
      <PairingSides sides={sides} nameOf={nameOf} statusOf={statusOf} readOnly={!canSolve} onChange={(key, slugs) => set({ [key === "a" ? "pa" : "pb"]: slugs.join(",") })} />
      {maySolve && !canSolve && maySolve.needs === "sign-in" && <SignInToEdit testId="pairing-sign-in" />}
      {canSolve && <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t("matching.pairing.capacityA")} htmlFor="pair-k">
          <InputNumber id="pair-k" min={0} max={50} value={request.capacityA} onChange={(v) => set({ k: v === null ? null : String(v) })} data-testid="pairing-k" />
        </Form.Item>
        <Form.Item label={t("matching.pairing.capacityB")} htmlFor="pair-m">
          <InputNumber id="pair-m" min={0} max={50} value={request.capacityB} onChange={(v) => set({ m: v === null ? null : String(v) })} data-testid="pairing-m" />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={includeEligible} onChange={(e) => set({ elig: e.target.checked ? "1" : null })} data-testid="pairing-eligible">{t("matching.pairing.includeEligible")}</Checkbox>
        </Form.Item>
        <Button type={stale ? "primary" : "default"} disabled={!ready} loading={solve.isPending} onClick={() => solve.mutate(request)} data-testid="pairing-solve">
          {result ? t("matching.pairing.solveAgain") : t("matching.pairing.solve")}
        </Button>
      </Form>}
      {canSolve && !ready && <Typography.Text type="secondary">{t("matching.pairing.needBoth")}</Typography.Text>}
      {solve.error && (
        <Alert type="error" showIcon data-testid="pairing-error"
          title={error?.status === 422 ? t("matching.pairing.infeasible") : t("common.error")}
          description={<>{solve.error.message}{error?.problem.errors && <ul>{error.problem.errors.map((p, i) => <li key={i}>{[p.path ?? p.column, p.value, problemItemText(p)].filter(Boolean).join(" ")}</li>)}</ul>}</>} />
      )}
      {result && canSolve && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>{t("matching.pairing.matrix")}</Typography.Title>
          <PairingHeatmap result={result} stateOf={stateOf} indicatorName={indicatorName} onCell={cycle} />
          <PairingConstraints result={result} fixed={request.fixed} forbidden={request.forbidden} setState={setState} />
          <PairingResultPanel result={result} previous={previous} programmeId={programmeId} stateOf={stateOf} setState={setState} />
        </>
      )}
    </Space>
  );
}
