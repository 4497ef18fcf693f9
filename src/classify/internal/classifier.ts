import { AppError } from "../../errors.ts";
import type { Vocabulary } from "../../vocab/types.ts";
import type {
  ClassificationResult,
  Classifier,
  ClassifyInputChunk,
  Evidence,
  LabelSpace,
  Suggestion,
} from "../types.ts";
import { boundUncalibrated } from "./bound-uncalibrated.ts";
import { deriveHierarchy, forcedByChildren } from "./derive.ts";
import { bestSentence, toEvidence, type ChunkView } from "./evidence.ts";
import type { ExampleVector } from "./knn.ts";
import { explicitMentions, liftByMentions } from "./mentions.ts";
import { fuse, labelIdsBySpace, rawSignals, type LabelProb, type ScorerParts } from "./scorer.ts";
import { sampleSpans, segmentText } from "./segment.ts";
import type { ClassifierState } from "./state.ts";
import { decide } from "./thresholds.ts";
import { hasLetters, type Span } from "./text.ts";
import { type ScoredPiece, scoringPieces } from "./windows.ts";
import { isSdg, meanVector, SDG_WHOLE_TEXT_CHARS, sdgDescriptionExemplars } from "./sdg-train.ts";
import { scoreSdgUnits, type SdgUnit } from "./sdg-units.ts";

/** Pieces scored between two returns to the event loop (a piece takes about a millisecond). */
const YIELD_EVERY = 8;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Chunks scored per document at most; longer inputs are sampled evenly. */
export const MAX_CHUNKS = 200;
const SPACE_ORDER: LabelSpace[] = ["gbf", "subject", "sdg"];
/** Most subject / SDG suggestions reported per text (as many again may be marked review). */
const UNCALIBRATED_CAP: Record<string, number> = { subject: 6, sdg: 3 };

export interface ClassifierDeps {
  parts: ScorerParts;
  vocab: Vocabulary;
  embed: (texts: string[]) => Promise<Float32Array[]>;
  dims: number;
  maxChars: number;
}

export function checkText(text: unknown): string {
  if (typeof text !== "string" || !text.trim()) throw new AppError("bad_request", "The text to classify is empty.");
  if (!hasLetters(text))
    throw new AppError("bad_request", "The text to classify has no letters (only digits, symbols or spaces).");
  return text;
}

/** A Classifier over a trained state. */
export function createClassifier(state: ClassifierState, deps: ClassifierDeps): Classifier {
  const examples: ExampleVector[] = state.examples.map((e) => ({
    key: e.key,
    labels: e.labels,
    vector: Float32Array.from(e.vector),
  }));
  const spaces = labelIdsBySpace(deps.parts.labels);
  const spaceOf = new Map(deps.parts.labels.map((l) => [l.id, l.space]));
  const thresholdOf = (id: string) => state.thresholds[id] ?? state.globalThreshold;

  const sdgIds = state.sdg ? (spaces.get("sdg") ?? []) : [];
  // The SDG model scores SDGs on whole units: per piece their description vectors would be compared
  // (a quarter of all label vectors) only for scores that are then set to 0.
  const pieceParts = state.sdg
    ? { ...deps.parts, labelVectors: deps.parts.labelVectors.filter((l) => !isSdg(l.labelId)) }
    : deps.parts;
  const sdgExemplars: ExampleVector[] = [
    ...(state.sdg?.exemplars ?? []).map((e) => ({ key: e.key, labels: e.labels, vector: Float32Array.from(e.vector) })),
    ...(state.sdg && !state.sdg.off.includes("knn") ? sdgDescriptionExemplars(deps.parts) : []),
  ];

  async function classifyChunks(input: ClassifyInputChunk[], whole?: SdgUnit): Promise<ClassificationResult> {
    const chunks = input.filter((c) => typeof c.text === "string" && hasLetters(c.text));
    if (!chunks.length) throw new AppError("bad_request", "No chunk has text with letters to classify.");
    const pieces = scoringPieces(sampleSpans(chunks, MAX_CHUNKS), deps.dims);
    // Embedding is most of the cost: a chunk cut into windows gets the mean of its windows'
    // vectors instead of a second pass of the encoder over the same words.
    const windowsOf = new Map<ClassifyInputChunk, ScoredPiece[]>();
    for (const p of pieces) if (p.window) windowsOf.set(p.chunk, [...(windowsOf.get(p.chunk) ?? []), p]);
    const missing = pieces.filter((p) => !p.vector && (p.window || !windowsOf.has(p.chunk)));
    const embedded = missing.length ? await deps.embed(missing.map((p) => p.text)) : [];
    const vecOf = new Map(missing.map((p, i) => [p, embedded[i]!]));
    for (const p of pieces)
      if (!p.vector && !p.window && windowsOf.has(p.chunk))
        vecOf.set(p, meanVector(windowsOf.get(p.chunk)!.map((w) => vecOf.get(w)!))!);
    const views: ChunkView[] = [];
    const perChunk: Array<Map<string, LabelProb>> = [];
    for (const [n, piece] of pieces.entries()) {
      // Scoring is synchronous CPU work: a long document would hold the event loop (and every
      // HTTP request of a server running the worker in-process) for seconds without these yields.
      if (n % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
      const { chunk: c, text } = piece;
      const sig = rawSignals(pieceParts, text, piece.vector ?? vecOf.get(piece)!, examples, state.signals);
      const probs = fuse(sig.raw, spaces, state.fusion);
      const hits = [...sig.hits];
      // A cited target ("Target 3", "cible 3") is evidence the fusion never saw in training.
      const mentions = explicitMentions(text).filter((m) => probs.has(m.labelId));
      for (const id of new Set(mentions.map((m) => m.labelId))) {
        const mine = mentions.filter((m) => m.labelId === id);
        probs.set(id, {
          p: liftByMentions(
            probs.get(id)!.p,
            mine.map((m) => m.strength),
          ),
          signal: "lexical",
        });
        for (const m of mine)
          hits.push({
            labelId: id,
            phrase: text.slice(m.start, m.end),
            start: m.start,
            end: m.end,
            weight: 10 * m.strength,
          });
      }
      // With a calibrated SDG model, SDGs are scored on whole units below, not per piece.
      for (const id of sdgIds) probs.set(id, { p: 0, signal: "lexical" });
      perChunk.push(probs);
      views.push({ id: c.id, page: c.page, text, offset: piece.offset, hits });
    }
    if (state.sdg) {
      const chunkPieces = pieces.filter((p) => !p.window);
      const chunkVectors = chunkPieces.map((p) => p.vector ?? vecOf.get(p)!);
      const units: SdgUnit[] = whole
        ? [{ ...whole, vector: meanVector(chunkVectors) }]
        : chunkPieces.map((p, i) => ({ id: p.chunk.id, page: p.chunk.page, text: p.text, vector: chunkVectors[i] }));
      for (let i = 0; i < units.length; i += YIELD_EVERY) {
        if (i > 0) await yieldToEventLoop();
        for (const u of scoreSdgUnits(deps.parts, state.sdg, sdgIds, units.slice(i, i + YIELD_EVERY), sdgExemplars)) {
          views.push(u.view);
          perChunk.push(u.probs);
        }
      }
    }
    return aggregate(views, perChunk);
  }

  function aggregate(views: ChunkView[], perChunk: Array<Map<string, LabelProb>>): ClassificationResult {
    const doc = new Map<string, number>();
    const thresholds: Record<string, number> = {};
    for (const l of deps.parts.labels) {
      const ps = perChunk.map((m) => m.get(l.id)!.p).sort((a, b) => b - a);
      // Best chunk, nudged up when a second chunk agrees (mention density without length bias).
      doc.set(l.id, ps[0]! + (1 - ps[0]!) * 0.3 * (ps[1] ?? 0));
      thresholds[l.id] = thresholdOf(l.id);
    }
    // A calibrated SDG score stands on its own: the crosswalk from GBF targets would only add noise.
    const derived = deriveHierarchy(deps.vocab, doc, thresholds, 0.6, state.sdg ? isSdg : undefined);
    const decisions = new Map<string, Suggestion["decision"]>();
    for (const [id, s] of derived.scores) decisions.set(id, decide(s, derived.thresholds[id]!));
    const suggested = new Set([...decisions].filter(([, d]) => d === "suggest").map(([id]) => id));
    for (const id of forcedByChildren(deps.vocab, suggested)) if (decisions.has(id)) decisions.set(id, "suggest");

    const sentenceCache = new Map<string, Span[]>();
    const evidenceFor = (id: string): Evidence[] => {
      const source = derived.impliedBy.get(id) ?? id;
      return perChunk
        .map((m, i) => ({ i, p: m.get(source)!.p, signal: m.get(source)!.signal }))
        .sort((a, b) => b.p - a.p)
        .slice(0, 3)
        .map(({ i, signal }) =>
          toEvidence(views[i]!, bestSentence(views[i]!, source, deps.parts.index, sentenceCache), signal),
        );
    };
    const suggestions: Suggestion[] = [];
    for (const space of SPACE_ORDER) {
      const scored = (spaces.get(space) ?? [])
        .map((id) => ({ id, space, score: round(derived.scores.get(id)!), decision: decisions.get(id)! }))
        // Subjects and SDGs are many: report those worth a look; every GBF label is always scored.
        .filter((s) => space === "gbf" || s.decision !== "none")
        .sort((a, b) => b.score - a.score);
      // Subject and SDG scores have no examples to calibrate them: keep the best few (and the
      // broader terms they imply), without a higher-scored label reading "review" below them.
      const cap = UNCALIBRATED_CAP[space];
      const block = cap === undefined ? scored : boundUncalibrated(scored, cap, (id) => deps.vocab.broaderOf(id));
      for (const s of block)
        if (space === "gbf" || s.decision !== "none")
          suggestions.push({ ...s, evidence: s.decision === "none" ? [] : evidenceFor(s.id) });
    }
    const reported = new Set(suggestions.map((s) => s.id));
    return {
      suggestions,
      modelId: state.modelId,
      classifierVersion: state.version,
      thresholds: Object.fromEntries(
        Object.entries(derived.thresholds)
          .filter(([id]) => reported.has(id) && spaceOf.has(id))
          .map(([id, t]) => [id, round(t)]),
      ),
    };
  }

  return {
    version: state.version,
    classifyChunks: (chunks) => classifyChunks(chunks),
    async classifyText(text) {
      checkText(text);
      const spans = segmentText(text, deps.maxChars).filter((s) => hasLetters(text.slice(s.start, s.end)));
      const chunks = sampleSpans(spans, MAX_CHUNKS).map((s, i) => ({
        id: `#${i}`,
        text: text.slice(s.start, s.end),
        start: s.start,
      }));
      // A short text (an abstract, a pasted paragraph) is one unit for the SDG model, as in training.
      const whole = text.length <= SDG_WHOLE_TEXT_CHARS ? { id: "#all", text } : undefined;
      const result = await classifyChunks(chunks, whole);
      // One text in, so evidence offsets point into that text, and internal chunk ids are dropped.
      const startOf = new Map<string, number>([...chunks.map((c) => [c.id, c.start] as const), ["#all", 0]]);
      for (const s of result.suggestions) {
        for (const e of s.evidence) {
          const base = startOf.get(e.chunkId ?? "") ?? 0;
          e.start += base;
          e.end += base;
          delete e.chunkId;
        }
      }
      return result;
    },
  };
}

const round = (x: number) => Math.round(x * 10000) / 10000;
