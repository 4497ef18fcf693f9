import { cosine } from "../embed/index.ts";
import { AppError } from "../errors.ts";
import type { Countries } from "../geo/index.ts";
import { type ChunkRecord, classificationOf, type DocumentRecord, type DocumentStore } from "../store/index.ts";
import type { Vocabulary } from "../vocab/index.ts";
import { combine, jaccard, meanVector, placeFit, SCORING } from "./internal/score.ts";
import { type Match, type MatchReport, type MatchRole, NEED_TYPES, OFFER_TYPES } from "./types.ts";

export interface MatchDeps {
  store: DocumentStore;
  vocab: Vocabulary;
  countries: Countries;
  /** Chunks retrieved per match request before grouping by document. */
  poolSize?: number;
}

export interface MatchService {
  matches(documentId: string, opts?: { limit?: number }): Promise<MatchReport>;
}

const roleOf = (recordType: string | undefined): MatchRole | undefined =>
  (NEED_TYPES as readonly string[]).includes(recordType ?? "")
    ? "need"
    : (OFFER_TYPES as readonly string[]).includes(recordType ?? "")
      ? "offer"
      : undefined;

/**
 * A document's labels for matching: published tags, the source's own tags and the classifier's
 * outright suggestions (unreviewed suggestions are not published as tags, but they still say what
 * a need or an offer is about).
 */
const parsed = new WeakMap<DocumentRecord, ReturnType<typeof classificationOf>>();
const tagsOf = (d: DocumentRecord, field: "targets" | "subjects") => {
  if (!parsed.has(d)) parsed.set(d, classificationOf(d));
  const suggested = (parsed.get(d)?.suggestions ?? [])
    .filter((s) => s.decision === "suggest")
    .filter((s) => (field === "subjects" ? s.space === "subject" : s.id.startsWith("GBF-TARGET-")))
    .map((s) => s.id);
  return [...new Set([...d.tags[field], ...(d.sourceTags?.[field] ?? []), ...suggested])];
};

/** The closest pair of passages between two documents' chunks. */
function closestPair(own: ChunkRecord[], theirs: ChunkRecord[]) {
  let best: { a: ChunkRecord; b: ChunkRecord; sim: number } | undefined;
  for (const a of own)
    for (const b of theirs) {
      const sim = cosine(a.vector, b.vector);
      if (!best || sim > best.sim) best = { a, b, sim };
    }
  return best;
}

/**
 * Matches needs (Bio-Bridge requests for assistance) with offers (opportunities and providers)
 * and back: semantic similarity of their passages, shared GBF targets and CBD subjects, place and
 * language, each match with the reason a person can check.
 *
 * @example
 * const report = await createMatchService({ store, vocab, countries }).matches(needId, { limit: 5 });
 */
export function createMatchService(deps: MatchDeps): MatchService {
  const { store, vocab, countries } = deps;
  const poolSize = deps.poolSize ?? 500;
  const named = (ids: string[]) =>
    ids.map((id) => {
      const t = vocab.get(id);
      return { id, name: t?.shortTitle.en || t?.title.en || id };
    });

  return {
    async matches(documentId, opts = {}) {
      const limit = Math.max(1, Math.min(50, Math.trunc(opts.limit ?? 10)));
      const doc = await store.documents.get(documentId);
      if (!doc) throw new AppError("not_found", `No document ${documentId}`);
      const role = roleOf(doc.recordType);
      if (!role) {
        throw new AppError(
          "validation_failed",
          `Document ${documentId} has record type "${doc.recordType ?? "none"}": only needs (${NEED_TYPES.join(", ")}) and offers (${OFFER_TYPES.join(", ")}) are matched`,
          { details: { field: "documentId", recordType: doc.recordType ?? null } },
        );
      }
      const counterpartTypes: string[] = role === "need" ? [...OFFER_TYPES] : [...NEED_TYPES];
      const report = (matches: Match[]): MatchReport => ({
        document: { id: doc.id, title: doc.title ?? doc.filename ?? doc.id, recordType: doc.recordType!, role },
        counterpartTypes,
        matches,
        scoring: SCORING,
      });
      const own = (await store.chunks.forDocument(documentId)).slice(0, 32);
      if (own.length === 0) return report([]);

      const hits = await store.chunks.search({
        mode: "semantic",
        vector: meanVector(own.slice(0, 16).map((c) => c.vector)),
        filter: { recordTypes: counterpartTypes },
        limit: poolSize,
      });
      const best = new Map<string, number>();
      for (const h of hits)
        if (h.documentId !== documentId) best.set(h.documentId, Math.max(best.get(h.documentId) ?? -1, h.score));
      const candidates = await store.documents.getMany([...best.keys()]);
      const ownCountry = doc.country ? countries.get(doc.country) : undefined;

      const scored = candidates.map((c) => {
        const place = placeFit(ownCountry, c.country ? countries.get(c.country) : undefined);
        const components = {
          semantic: Math.max(0, best.get(c.id) ?? 0),
          targets: jaccard(tagsOf(doc, "targets"), tagsOf(c, "targets")),
          subjects: jaccard(tagsOf(doc, "subjects"), tagsOf(c, "subjects")),
          place: place.fit,
          language: c.language === doc.language ? 1 : 0,
        };
        return { c, place: place.place, components, score: combine(components) };
      });
      scored.sort((a, b) => b.score - a.score || a.c.id.localeCompare(b.c.id));

      const top = scored.slice(0, limit);
      const matches: Match[] = [];
      for (const { c, place, components, score } of top) {
        const pair = closestPair(own, (await store.chunks.forDocument(c.id)).slice(0, 32));
        const shared = (f: "targets" | "subjects") => tagsOf(doc, f).filter((t) => tagsOf(c, f).includes(t));
        matches.push({
          document: {
            id: c.id,
            title: c.title ?? c.filename ?? c.id,
            recordType: c.recordType ?? "",
            ...(c.country ? { country: c.country } : {}),
            language: c.language,
          },
          score,
          components,
          reason: {
            sharedTargets: named(shared("targets")),
            sharedSubjects: named(shared("subjects")),
            place,
            sameLanguage: components.language === 1,
            ...(pair
              ? {
                  passages: {
                    own: { text: pair.a.text, page: pair.a.pageStart },
                    theirs: { text: pair.b.text, page: pair.b.pageStart },
                    similarity: pair.sim,
                  },
                }
              : {}),
          },
        });
      }
      return report(matches);
    },
  };
}
