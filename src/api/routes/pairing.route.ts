import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PairingCandidatesSchema, PairingProposalResultSchema, PairingProposalSchema, PairingRequestSchema, PairingResultSchema } from "../../domain/pairing.js";
import type { AppContext } from "../../services/context.js";
import { pairingCandidates } from "../../services/pairing-candidates.js";
import { proposePairs } from "../../services/pairing-proposals.js";
import { InfeasiblePairingError, programmePairing } from "../../services/programme-pairing.js";
import { actorOf } from "../authorize.js";
import { problem, problemItem, ProblemSchema, sendProblem } from "../problem.js";

const Params = z.object({ id: z.string().min(1).max(200) });

/** The programme pairing board: its candidates, and the optimal pairing under capacities, fixed and forbidden pairs. */
export function pairingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/programmes/:id/pairing/candidates",
      {
        schema: {
          tags: ["matching"],
          summary: "Candidate cities of each side of a programme",
          description:
            "Cities of the programme's accepted applications (with `includeEligible=true`, eligible ones too), each on the side of the call it applied to or, for a call open to both sides, the side whose countries include it (null when none does); " +
            "and the members of the programme's live (proposed, agreed, active) cooperations (status `member`), whose pairs are listed in `formed`.",
          params: Params,
          querystring: z.object({ includeEligible: z.enum(["true", "false"]).default("false").transform((v) => v === "true") }),
          response: { 200: PairingCandidatesSchema },
        },
      },
      async (req) => pairingCandidates(ctx, req.params.id, { includeEligible: req.query.includeEligible }),
    );

    app.post(
      "/programmes/:id/pairing",
      {
        schema: {
          tags: ["matching"],
          summary: "The optimal pairing of a programme's candidates",
          description:
            "Scores every side A × side B pair — symmetric: the mean of the counterpart score of b for a and of a for b — and pairs them so that each side-A city has up to `capacityA` partners (default 3) and each side-B city up to `capacityB` (default 1), fixed pairs are kept and forbidden ones never chosen: the most pairs the rules allow and, among those, the greatest total score (exact). " +
            "Pairs already joined by a live cooperation of the programme are kept as fixed pairs (with their `cooperationId`); a formed partner who is not on the board still takes one of the city's places. " +
            "Constraints that contradict each other (a pair both fixed and forbidden, more fixed pairs on a city than its capacity) answer 422 with the reason; they are never relaxed.",
          params: Params,
          body: PairingRequestSchema,
          response: { 200: PairingResultSchema, 422: ProblemSchema },
        },
      },
      async (req, reply) => {
        try {
          return await programmePairing(ctx, req.params.id, req.body);
        } catch (e) {
          if (!(e instanceof InfeasiblePairingError)) throw e;
          return sendProblem(reply, problem(422, e.message, { errors: e.problems.map((p) => problemItem({ ...p, ...(p.column ? { path: p.column } : {}) })), totalErrors: e.totalProblems, code: e.code ?? "pairing.infeasible", params: e.params ?? { count: e.totalProblems } }));
        }
      },
    );

    app.post(
      "/programmes/:id/pairing/proposals",
      {
        schema: {
          tags: ["matching"],
          summary: "Propose pairs of the board as cooperations",
          description:
            "Creates one proposed cooperation (origin `pairing`) per side-A city with its side-B partners. Pairs already joined by a live cooperation of the programme are skipped (`skipped`), so sending the same pairs twice creates nothing new. " +
            "Every city must be an accepted applicant or a member of a live cooperation of the programme, or be listed in `added` (proposed on purpose); otherwise 400 naming it.",
          params: Params,
          body: PairingProposalSchema,
          response: { 200: PairingProposalResultSchema },
        },
      },
      async (req) => proposePairs(ctx, req.params.id, req.body, actorOf(req)),
    );
  };
}
