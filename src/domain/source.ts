import { z } from "zod";

/** Where a figure comes from. Every stored figure refers to one. */
export const SourceSchema = z.object({
  id: z.string().min(1).max(120),
  citation: z.string().min(1),
  url: z.string().nullable(),
  licence: z.string().nullable(),
});
export type Source = z.infer<typeof SourceSchema>;
