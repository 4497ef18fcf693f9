import { AppError } from "../../errors.ts";
import { UN_LANGUAGES, type LString, type Term, type VocabDomain } from "../types.ts";
import { goalOfTargetNumber } from "./goals.ts";
import type { CrosswalkFile, GoalsTargetsFile, LabelsFile, OfficialFile } from "./schemas.ts";
import { subjectHierarchy } from "./subjects.ts";

export interface BuiltTerms {
  terms: Term[];
  crosswalk: Map<string, string[]>;
}

const label = (labels: LabelsFile, key: string): LString => {
  const out: LString = {};
  for (const lang of UN_LANGUAGES) {
    const v = labels[lang][key];
    if (v?.trim()) out[lang] = v.trim();
  }
  return out;
};

const term = (identifier: string, domain: VocabDomain, title: LString, extra: Partial<Term> = {}): Term => ({
  identifier,
  domain,
  name: title.en ?? identifier,
  title,
  shortTitle: {},
  longDescription: {},
  broaderTerms: [],
  narrowerTerms: [],
  relatedTerms: [],
  ...extra,
});

/** Aichi ids in the crosswalk are not always zero-padded (`AICHI-TARGET-6`). */
export function normaliseId(id: string): string {
  const m = /^(AICHI-TARGET|SUSTAINABLE-DEVELOPMENT-GOAL|SDG-GOAL|GBF-TARGET)-(\d+)$/.exec(id);
  if (!m) return id;
  const prefix = m[1] === "SDG-GOAL" ? "SUSTAINABLE-DEVELOPMENT-GOAL" : m[1];
  return `${prefix}-${m[2]!.padStart(2, "0")}`;
}

function gbfTerms(gt: GoalsTargetsFile, labels: LabelsFile): Term[] {
  const out: Term[] = [];
  for (const e of gt) {
    const desc = label(labels, `${e.id}Description`);
    desc.en = e.text;
    const title = label(labels, e.id);
    title.en = e.thesaurusTitle;
    if (e.kind === "goal") {
      out.push(term(e.id, "gbf-goals", title, { shortTitle: { en: e.title }, longDescription: desc }));
    } else {
      const n = Number(e.number);
      out.push(
        term(e.id, "gbf-targets", title, {
          shortTitle: e.shortTitle ? { en: e.shortTitle } : {},
          longDescription: desc,
          broaderTerms: [goalOfTargetNumber(n)],
        }),
      );
    }
  }
  for (const goal of out.filter((t) => t.domain === "gbf-goals")) {
    goal.narrowerTerms = out.filter((t) => t.broaderTerms.includes(goal.identifier)).map((t) => t.identifier);
  }
  return out;
}

function prefixedTerms(labels: LabelsFile, prefix: string, domain: VocabDomain): Term[] {
  return Object.keys(labels.en)
    .filter((k) => k.startsWith(prefix) && !k.endsWith("Alt") && !k.endsWith("Description"))
    .map((k) => {
      const alt = label(labels, `${k}Alt`);
      return term(normaliseId(k), domain, label(labels, k), { longDescription: alt });
    });
}

function subjectTerms(labels: LabelsFile): Term[] {
  const ids = Object.keys(labels.en).filter((k) => k.startsWith("CBD-SUBJECT-"));
  const parent = subjectHierarchy(ids);
  const terms = ids.map((id) => {
    const p = parent.get(id);
    return term(id, "cbd-subjects", label(labels, id), { broaderTerms: p ? [p] : [] });
  });
  for (const t of terms) {
    t.narrowerTerms = ids.filter((id) => parent.get(id) === t.identifier);
  }
  return terms;
}

/** Official thesaurus translations win over the machine-translated fallback labels. */
function applyOfficial(terms: Term[], official: OfficialFile): void {
  const byId = new Map(terms.map((t) => [t.identifier, t]));
  for (const o of official.terms) {
    const t = byId.get(o.identifier);
    if (!t) continue;
    for (const lang of UN_LANGUAGES) {
      if (lang !== "en" && o.title[lang]) t.title[lang] = o.title[lang];
      if (o.shortTitle[lang]) t.shortTitle[lang] = o.shortTitle[lang]!.replace(/^GBF-[TG]-?\w+\.\s*/, "").trim();
      if (lang !== "en" && o.longDescription[lang]) t.longDescription[lang] = o.longDescription[lang];
    }
  }
}

/** Builds every term of the five domains and the crosswalk, failing on dangling references. */
export function buildTerms(
  gt: GoalsTargetsFile,
  labels: LabelsFile,
  crosswalkFile: CrosswalkFile,
  official: OfficialFile,
): BuiltTerms {
  const terms = [
    ...gbfTerms(gt, labels),
    ...subjectTerms(labels),
    ...prefixedTerms(labels, "AICHI-TARGET-", "aichi-targets"),
    ...prefixedTerms(labels, "SDG-GOAL-", "sdgs"),
  ];
  applyOfficial(terms, official);
  const known = new Set(terms.map((t) => t.identifier));
  const crosswalk = new Map<string, string[]>();
  for (const [target, related] of Object.entries(crosswalkFile.GBF_SAMEAS)) {
    if (!known.has(target)) throw new AppError("config_invalid", `Crosswalk names unknown target ${target}`);
    // Three subject slugs (SWM, SYNBIO, STTM) and two GUIDs are not among the 84 published subjects:
    // they cannot be shown or stored, so they are dropped rather than invented.
    crosswalk.set(target, [...new Set(related.map(normaliseId).filter((id) => known.has(id)))]);
  }
  const byId = new Map(terms.map((t) => [t.identifier, t]));
  for (const [target, related] of crosswalk) {
    byId.get(target)!.relatedTerms = related;
    for (const r of related) byId.get(r)!.relatedTerms.push(target);
  }
  return { terms, crosswalk };
}
