import type { Term, Vocabulary } from "../../vocab/types.ts";
import type { LabelSpace } from "../types.ts";
import type { KeywordTable } from "./keywords.ts";
import { descriptionClauses } from "./semantic.ts";
import type { LabelDoc } from "./tfidf.ts";

export interface LabelInfo {
  id: string;
  space: LabelSpace;
  /** Texts whose embeddings describe the label (semantic signal). */
  descriptions: string[];
  /** One text per language for the TF-IDF signal. */
  docs: LabelDoc[];
}

/** "GBF-T03. 30% of areas…" → "30% of areas…"; "15. Life on Land" → "Life on Land". */
export function stripPrefix(title: string): string {
  return title.replace(/^(GBF-[TG]-?[0-9A-D]+|Aichi-T\d+|T\d+|\d+)\s*[.。]\s*/u, "").trim();
}

const spaceOf = (t: Term): LabelSpace | undefined =>
  t.domain === "gbf-goals" || t.domain === "gbf-targets"
    ? "gbf"
    : t.domain === "cbd-subjects"
      ? "subject"
      : t.domain === "sdgs"
        ? "sdg"
        : undefined;

/**
 * Every label the classifier scores, in a fixed order: GBF goals, targets, subjects, SDGs.
 * `extra` adds English descriptions per label (the SDGs' narratives and target wordings).
 */
export function buildLabels(
  vocab: Vocabulary,
  keywords: KeywordTable,
  extra: ReadonlyMap<string, string[]> = new Map(),
): LabelInfo[] {
  const terms = [
    ...vocab.terms("gbf-goals"),
    ...vocab.terms("gbf-targets"),
    ...vocab.terms("cbd-subjects"),
    ...vocab.terms("sdgs"),
  ];
  return terms.map((t) => {
    const space = spaceOf(t)!;
    const descriptions = new Set<string>();
    const perLang = new Map<string, string[]>();
    const addLang = (lang: string, text: string | undefined) => {
      if (!text) return;
      perLang.set(lang, [...(perLang.get(lang) ?? []), text]);
    };
    for (const [lang, title] of Object.entries(t.title)) {
      descriptions.add(stripPrefix(title));
      addLang(lang, stripPrefix(title));
    }
    for (const [lang, s] of Object.entries(t.shortTitle)) {
      descriptions.add(s);
      addLang(lang, s);
    }
    for (const [lang, long] of Object.entries(t.longDescription)) {
      if (lang === "en") descriptions.add(long);
      // English clauses carry the semantic signal (the encoder is English-first).
      if (lang === "en") for (const c of descriptionClauses(long)) descriptions.add(c);
      addLang(lang, long);
    }
    for (const d of extra.get(t.identifier) ?? []) {
      descriptions.add(d);
      addLang("en", d);
    }
    for (const k of keywords.get(t.identifier) ?? []) {
      if (k.lang === "en") descriptions.add(k.phrase);
      addLang(k.lang, k.phrase);
    }
    const docs = [...perLang].map(([lang, texts]) => ({ labelId: t.identifier, lang, text: texts.join(". ") }));
    return { id: t.identifier, space, descriptions: [...descriptions].filter((d) => d.length > 1), docs };
  });
}
