import { z } from "zod";

const lstring = z.record(z.string(), z.string());

/** `corpora/gbf-goals-targets.json`: one entry per goal and target. */
export const goalsTargetsSchema = z
  .array(
    z.object({
      id: z.string().regex(/^GBF-(GOAL-[A-D]|TARGET-\d{2})$/),
      kind: z.enum(["goal", "target"]),
      number: z.union([z.string(), z.number()]),
      title: z.string().min(1),
      shortTitle: z.string().optional(),
      thesaurusTitle: z.string().min(1),
      text: z.string().min(1),
      group: z.string().optional(),
    }),
  )
  .length(27);

const languageLabels = z.record(z.string(), z.string());

/** `corpora/thesaurus-labels-6lang.json`: flat id → label maps per language. */
export const labelsSchema = z.object({
  en: languageLabels,
  fr: languageLabels,
  es: languageLabels,
  ar: languageLabels,
  ru: languageLabels,
  zh: languageLabels,
});

/** `corpora/gbf-crosswalk.json`: GBF target → related Aichi targets, subjects, SDGs. */
export const crosswalkSchema = z.object({
  GBF_SAMEAS: z.record(z.string().regex(/^GBF-TARGET-\d{2}$/), z.array(z.string().min(1))),
});

/** `corpora/thesaurus-official.json`: thesaurus API terms with official translations. */
export const officialSchema = z.object({
  terms: z.array(
    z.object({
      identifier: z.string(),
      title: lstring,
      shortTitle: lstring,
      longDescription: lstring,
      broaderTerms: z.array(z.string()),
      narrowerTerms: z.array(z.string()),
    }),
  ),
});

export type GoalsTargetsFile = z.infer<typeof goalsTargetsSchema>;
export type LabelsFile = z.infer<typeof labelsSchema>;
export type CrosswalkFile = z.infer<typeof crosswalkSchema>;
export type OfficialFile = z.infer<typeof officialSchema>;
