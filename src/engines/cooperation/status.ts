import type { CooperationStatus } from "../../domain/cooperation.js";

/**
 * Where a cooperation may go from each status. The life of an IUC cooperation: proposed → agreed
 * (memorandum of understanding signed) → active → completed; discontinued from any status before
 * completion. Completed and discontinued are final.
 * Source: DOMAIN.md "Life of a cooperation" (IUC Asia methodology: MoU → UCAP → pilot projects).
 */
export const NEXT_STATUSES: Readonly<Record<CooperationStatus, readonly CooperationStatus[]>> = {
  proposed: ["agreed", "discontinued"],
  agreed: ["active", "discontinued"],
  active: ["completed", "discontinued"],
  completed: [],
  discontinued: [],
};

const STATUS_ZH: Record<CooperationStatus, string> = {
  proposed: "提议",
  agreed: "已签署合作备忘录",
  active: "进行中",
  completed: "已完成",
  discontinued: "已终止",
};

/** A refused move, with the reason in English and Chinese. */
export interface TransitionRefusal {
  ok: false;
  code: "illegal" | "date-order";
  reason: { en: string; zh: string };
}
export type TransitionResult = { ok: true } | TransitionRefusal;

/**
 * The statuses a cooperation may move to next.
 * @example allowedTransitions("agreed") //=> ["active", "discontinued"]
 */
export function allowedTransitions(current: CooperationStatus): CooperationStatus[] {
  return [...NEXT_STATUSES[current]];
}

/**
 * Checks a status change: it must be a legal move and dated on or after the previous transition
 * (dates are ISO `YYYY-MM-DD`, compared as text).
 * @example transition("proposed", "agreed", "2017-05-31", "2017-03-15") //=> { ok: true }
 * @example transition("completed", "active", "2020-01-01", null).ok //=> false
 */
export function transition(current: CooperationStatus, to: CooperationStatus, date: string, lastTransitionDate: string | null): TransitionResult {
  if (!NEXT_STATUSES[current].includes(to)) {
    const next = NEXT_STATUSES[current];
    const en = next.length === 0
      ? `a ${current} cooperation cannot change status (it is final)`
      : `a cooperation cannot move from ${current} to ${to}; allowed: ${next.join(", ")}`;
    const zh = next.length === 0
      ? `状态为“${STATUS_ZH[current]}”的城市合作不能再变更（最终状态）`
      : `城市合作不能从“${STATUS_ZH[current]}”变为“${STATUS_ZH[to]}”；允许：${next.map((s) => `“${STATUS_ZH[s]}”`).join("、")}`;
    return { ok: false, code: "illegal", reason: { en, zh } };
  }
  if (lastTransitionDate !== null && date < lastTransitionDate) {
    return {
      ok: false,
      code: "date-order",
      reason: {
        en: `the date ${date} is before the previous status change on ${lastTransitionDate}`,
        zh: `日期 ${date} 早于上一次状态变更（${lastTransitionDate}）`,
      },
    };
  }
  return { ok: true };
}
