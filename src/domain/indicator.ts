import { z } from "zod";

export const THEMES = ["context", "ghg", "energy", "air", "transport", "congestion", "green"] as const;
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

export const IndicatorCodeSchema = z
  .string()
  .regex(/^[a-z]+\.[a-z0-9_]+$/, "must be an indicator code like air.pm25_annual");

const Bilingual = z.object({ en: z.string().min(1), zh: z.string().min(1) });

/** A reference value drawn as a line on charts, e.g. the WHO 2021 guideline for PM2.5. */
export const ReferenceValueSchema = z.object({
  label: Bilingual,
  value: z.number(),
  source: z.string().min(1),
});

export const IndicatorSchema = z.object({
  code: IndicatorCodeSchema,
  theme: ThemeSchema,
  names: Bilingual,
  unit: z.string().min(1),
  /** Which way is better; null for context figures such as population. */
  direction: z.enum(["lower", "higher"]).nullable(),
  description: Bilingual.nullable(),
  references: z.array(ReferenceValueSchema),
});
export type Indicator = z.infer<typeof IndicatorSchema>;
export type ReferenceValue = z.infer<typeof ReferenceValueSchema>;
