import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CommitmentSchema, CommitmentUpdateSchema, NewCommitmentSchema, NewOrganisationSchema, OrganisationDetailSchema, OrganisationKindSchema, OrganisationSchema,
  OrganisationUpdateSchema, RecordIdSchema,
} from "../../domain/organisation.js";
import type { AppContext } from "../../services/context.js";
import {
  cooperationCommitments, createCommitment, createOrganisation, deleteCommitment, getOrganisation, listOrganisations, updateCommitment, updateOrganisation,
} from "../../services/organisations.js";
import { actorOf } from "../authorize.js";

const Id = z.object({ id: RecordIdSchema });

/** Partner organisations and their roles and commitments: the public–private–people partnerships. */
export function partnersRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["partners"];
    app.get(
      "/organisations",
      {
        schema: {
          tags,
          summary: "Partner organisations, found by name (either language) or sector and by kind",
          querystring: z.object({ q: z.string().trim().max(200).optional(), kind: OrganisationKindSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: z.object({ items: z.array(OrganisationSchema) }) },
        },
      },
      async (req) => ({ items: await listOrganisations(ctx, req.query) }),
    );
    app.post(
      "/organisations",
      { schema: { tags, summary: "Register a partner organisation (public, private, academic, civil society, residents)", body: NewOrganisationSchema, response: { 201: OrganisationSchema } } },
      async (req, reply) => reply.code(201).send(await createOrganisation(ctx, req.body, actorOf(req))),
    );
    app.get(
      "/organisations/:id",
      { schema: { tags, summary: "One organisation with its roles and commitments in cooperations and pilots", params: Id, response: { 200: OrganisationDetailSchema } } },
      async (req) => getOrganisation(ctx, req.params.id),
    );
    app.patch(
      "/organisations/:id",
      { schema: { tags, summary: "Change an organisation; 409 with `current` if `version` is not the current one", params: Id, body: OrganisationUpdateSchema, response: { 200: OrganisationSchema } } },
      async (req) => updateOrganisation(ctx, req.params.id, req.body),
    );
    app.get(
      "/cooperations/:id/commitments",
      { schema: { tags, summary: "A cooperation's partners: each organisation's role and commitment", params: Id, response: { 200: z.object({ items: z.array(CommitmentSchema) }) } } },
      async (req) => ({ items: await cooperationCommitments(ctx, req.params.id) }),
    );
    app.post(
      "/cooperations/:id/commitments",
      { schema: { tags, summary: "Add a partner's role and commitment (to the cooperation or one of its pilots)", params: Id, body: NewCommitmentSchema, response: { 201: CommitmentSchema } } },
      async (req, reply) => reply.code(201).send(await createCommitment(ctx, req.params.id, req.body, actorOf(req))),
    );
    app.patch(
      "/commitments/:id",
      { schema: { tags, summary: "Change a commitment; 409 with `current` if `version` is not the current one", params: Id, body: CommitmentUpdateSchema, response: { 200: CommitmentSchema } } },
      async (req) => updateCommitment(ctx, req.params.id, req.body),
    );
    app.delete("/commitments/:id", { schema: { tags, summary: "Remove a commitment", params: Id } }, async (req, reply) => {
      await deleteCommitment(ctx, req.params.id);
      return reply.code(204).send();
    });
  };
}
