import { z } from "zod";
import { SlugSchema } from "./city.js";
import { ReasonFactsSchema } from "./counterpart.js";

const NamesSchema = z.object({ en: z.string(), zh: z.string().nullable() });
const SlugPair = z.tuple([SlugSchema, SlugSchema]);

/** POST /api/v1/programmes/:id/pairing: the candidates of each side and the programme's rules. */
export const PairingRequestSchema = z.object({
  /** Side A city slugs (e.g. the Chinese cities), each taking up to `capacityA` partners. */
  sideA: z.array(SlugSchema).min(1).max(200),
  /** Side B city slugs (e.g. the EU cities), each taking up to `capacityB` partners. */
  sideB: z.array(SlugSchema).min(1).max(200),
  capacityA: z.number().int().min(0).max(50).default(3),
  capacityB: z.number().int().min(0).max(50).default(1),
  /** [sideA slug, sideB slug] pairs that must be in the pairing. */
  fixed: z.array(SlugPair).max(2000).default([]),
  /** [sideA slug, sideB slug] pairs that must not be. */
  forbidden: z.array(SlugPair).max(2000).default([]),
});
export type PairingRequest = z.infer<typeof PairingRequestSchema>;

export const PairingReasonSchema = z.object({
  factor: z.string(),
  /** Share of the cell's (symmetric) score, 0–1. */
  share: z.number(),
  /** The city the reason speaks for: the one that would learn (strength factors), or null for what both share (context, interest). */
  learner: z.string().nullable(),
  detail: z.string(),
  facts: ReasonFactsSchema,
});

/** How a city came onto the board: an accepted or eligible applicant, a member of a live cooperation of the programme, or added by hand (never applied or not accepted). */
export const CandidateStatusSchema = z.enum(["accepted", "eligible", "member", "added"]);
const PairingCitySchema = z.object({ slug: z.string(), names: NamesSchema, country: z.string(), status: CandidateStatusSchema });

/** A pair already joined by a live (proposed, agreed or active) cooperation of the programme. */
export const FormedPairSchema = z.object({
  a: z.string(),
  b: z.string(),
  cooperationId: z.string(),
  status: z.enum(["proposed", "agreed", "active", "completed", "discontinued"]),
  names: NamesSchema,
});

export const PairingResultSchema = z.object({
  programmeId: z.string(),
  sideA: z.array(PairingCitySchema),
  sideB: z.array(PairingCitySchema),
  capacityA: z.number().int(),
  capacityB: z.number().int(),
  /** How a cell is scored. */
  method: z.string(),
  /** Rows: side A in the order given; columns: side B. `score` = (ab + ba) / 2, 0–1. */
  scores: z.array(z.array(z.object({ score: z.number(), ab: z.number(), ba: z.number(), reasons: z.array(PairingReasonSchema) }))),
  /** `fixed`: pinned in the request; `cooperationId`: already formed (kept, counting against both capacities). */
  pairs: z.array(z.object({ a: z.string(), b: z.string(), score: z.number(), fixed: z.boolean(), cooperationId: z.string().nullable() })),
  /** Every formed pair of the programme; `onBoard` false when one of its cities is not among the candidates (its place still counts against the other's capacity). */
  formed: z.array(FormedPairSchema.extend({ onBoard: z.boolean() })),
  /** Sum of the pairs' scores. */
  total: z.number(),
  /** Candidates left without a partner (capacities or forbidden pairs). */
  unpaired: z.object({ a: z.array(z.string()), b: z.array(z.string()) }),
});
export type PairingResult = z.infer<typeof PairingResultSchema>;

export const PairingCandidatesSchema = z.object({
  programmeId: z.string(),
  names: NamesSchema,
  /** The programme's themes. */
  themes: z.array(z.string()),
  sides: z.array(z.object({ key: z.string(), names: NamesSchema, countries: z.array(z.string()) })),
  /** Cities of the programme's accepted (and, when asked, eligible) applications, with the side they belong to (the call's, else by country), null when unknown. */
  candidates: z.array(z.object({ slug: z.string(), names: NamesSchema, country: z.string(), status: z.string(), side: z.string().nullable() })),
  /** Pairs already joined by the programme's live cooperations; the board keeps them. */
  formed: z.array(FormedPairSchema),
});
export type PairingCandidates = z.infer<typeof PairingCandidatesSchema>;

/** POST /api/v1/programmes/:id/pairing/proposals: turn pairs of the board into proposed cooperations. */
export const PairingProposalSchema = z.object({
  /** [sideA slug, sideB slug]; pairs with the same side-A city become one cooperation (that city the lead). */
  pairs: z.array(SlugPair).min(1).max(500),
  /** Cities that did not apply (or were not accepted), proposed on purpose by the manager; any other such city is refused (400). */
  added: z.array(SlugSchema).max(400).default([]),
});
export type PairingProposal = z.input<typeof PairingProposalSchema>;

export const PairingProposalResultSchema = z.object({
  /** The cooperations created (status proposed, origin pairing). */
  created: z.array(z.object({ id: z.string(), names: NamesSchema, members: z.array(z.string()) })),
  /** Pairs not created again: already joined by a live cooperation of the programme. */
  skipped: z.array(z.object({ a: z.string(), b: z.string(), cooperationId: z.string() })),
});
export type PairingProposalResult = z.infer<typeof PairingProposalResultSchema>;
