import type { Embedder } from "../embed/types.ts";
import { AppError } from "../errors.ts";
import { DEFAULT_CORPORA_DIR } from "../vocab/index.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadDevSet } from "./dev-set.ts";
import { type AuroraQuery, loadAuroraDescriptions, loadAuroraQueries } from "./internal/aurora-load.ts";
import { createClassifier } from "./internal/classifier.ts";
import { featureRows } from "./internal/features.ts";
import { fitFusion, outOfFoldScores, type FusionRow } from "./internal/fit-fusion.ts";
import { loadKeywords, type KeywordTable } from "./internal/keywords.ts";
import { buildParts, embedLabelDescriptions, memoEmbed } from "./internal/prepare.ts";
import { labelIdsBySpace, rawSignals, type ScorerParts } from "./internal/scorer.ts";
import { fitSdgModel, isSdg, MIN_SDG_TEXTS, meanVector } from "./internal/sdg-train.ts";
import { segmentText } from "./internal/segment.ts";
import { CLASSIFIER_VERSION, SIGNALS, type ClassifierState, type SignalName, vectorJson } from "./internal/state.ts";
import { chooseThresholds } from "./internal/thresholds.ts";
import { PROGRESS_SLICE, type TrainingProgress } from "./progress.ts";
import type { Classifier, ClassifierTrainer, LabelledExample } from "./types.ts";

export interface TrainerOptions {
  /** Folder of curated keyword files (default `<repo>/corpora/keywords`). */
  keywordsDir?: string;
  /** Signals to use; all by default. Fewer for ablations, e.g. without `examples`. */
  signals?: SignalName[];
  /** L2 penalty of the fusion model. */
  l2?: number;
  /**
   * SDG-labelled texts that calibrate the SDG model when `train()` gets none (default:
   * `corpora/sdg-dev/oro-gold.jsonl`; `[]` leaves SDGs uncalibrated).
   */
  sdgExamples?: LabelledExample[];
  /** Folder of the Aurora SDG query files (default `<repo>/corpora/aurora-sdg-queries`). */
  auroraDir?: string;
  /**
   * SDG-labelled texts the SDG model compares a text with but is not fitted on (default:
   * `corpora/sdg-dev/aurora-survey.jsonl`, one researcher-given SDG per abstract; `[]` for none).
   */
  sdgExemplars?: LabelledExample[];
  /**
   * Texts that address no SDG, negatives for all of them (default: `corpora/sdg-off-topic.txt`,
   * one per line: meeting procedure, captions, method boilerplate; `[]` for none).
   */
  sdgOffTopic?: string[];
  /**
   * Told how training advances (stage, texts embedded of the total). A function, so it never
   * reaches the cache key (which hashes the options as JSON).
   */
  onProgress?: (p: TrainingProgress) => void;
}

export interface ClassifierTrainerWithState extends ClassifierTrainer {
  /** Trains and also returns the serialisable state (for the on-disk cache). */
  trainState(
    examples: LabelledExample[],
    holdOut?: ReadonlySet<string>,
  ): Promise<{ classifier: Classifier; state: ClassifierState }>;
  /** Rebuilds a classifier from a cached state without retraining. */
  fromState(state: ClassifierState): Promise<Classifier>;
  /** A digest of every input besides the examples and options: keywords, Aurora files, SDG corpora (the cache key). */
  fingerprint(): Promise<string>;
}

/**
 * Trains the fused GBF classifier on labelled examples. Label descriptions are embedded once per
 * trainer and example embeddings are memoised, so the eval's cross-validation folds are cheap.
 *
 * @example
 * const trainer = createClassifierTrainer({ embedder, vocab });
 * const classifier = await trainer.train(await loadDevSet());
 * (await classifier.classifyText("Invasive alien species are eradicated on islands.")).suggestions[0]
 */
export function createClassifierTrainer(deps: {
  embedder: Embedder;
  vocab: Vocabulary;
  options?: TrainerOptions;
}): ClassifierTrainerWithState {
  const { embedder, vocab, options = {} } = deps;
  const signals = options.signals ?? [...SIGNALS];
  const needsVectors = signals.includes("semantic") || signals.includes("examples");
  const memo = memoEmbed(embedder);
  const embed = async (texts: string[]) =>
    needsVectors ? memo(texts) : texts.map(() => new Float32Array(embedder.dims));
  const progress = options.onProgress;
  // Embeds in slices and reports after each, so the first start can show how far it has got.
  const embedReporting = async (stage: TrainingProgress["stage"], texts: string[]) => {
    if (!progress) return embed(texts);
    const out: Float32Array[] = [];
    progress({ stage, done: 0, total: texts.length });
    for (let i = 0; i < texts.length; i += PROGRESS_SLICE) {
      out.push(...(await embed(texts.slice(i, i + PROGRESS_SLICE))));
      progress({ stage, done: out.length, total: texts.length });
    }
    return out;
  };
  const sdgDevFile = (name: string) =>
    loadDevSet(DEFAULT_CORPORA_DIR, { vocab, file: join(DEFAULT_CORPORA_DIR, "sdg-dev", name) });
  let sdgData: Promise<{ examples: LabelledExample[]; pool: LabelledExample[]; offTopic: string[] }> | undefined;
  const loadSdgData = () =>
    (sdgData ??= (async () => ({
      examples: options.sdgExamples ?? (await sdgDevFile("oro-gold.jsonl")),
      pool: options.sdgExemplars ?? (await sdgDevFile("aurora-survey.jsonl")),
      offTopic:
        options.sdgOffTopic ??
        (await readFile(join(DEFAULT_CORPORA_DIR, "sdg-off-topic.txt"), "utf8")).split("\n").filter((l) => l.trim()),
    }))());
  let lexical:
    | Promise<{ keywords: KeywordTable; aurora: AuroraQuery[]; sdgDescriptions: Map<string, string[]> }>
    | undefined;
  const prepareLexical = () =>
    (lexical ??= (async () => {
      const auroraDir = options.auroraDir ?? join(DEFAULT_CORPORA_DIR, "aurora-sdg-queries");
      const [keywords, aurora, sdgDescriptions] = await Promise.all([
        loadKeywords(options.keywordsDir ?? join(DEFAULT_CORPORA_DIR, "keywords"), vocab),
        loadAuroraQueries(auroraDir),
        loadAuroraDescriptions(auroraDir),
      ]);
      return { keywords, aurora, sdgDescriptions };
    })());
  let partsPromise:
    | Promise<{
        parts: ScorerParts;
        keywords: KeywordTable;
        vectors: Record<string, Float32Array[]>;
      }>
    | undefined;
  const prepare = () =>
    (partsPromise ??= (async () => {
      const { keywords, aurora, sdgDescriptions } = await prepareLexical();
      // Without the semantic signal the label descriptions need no vectors (and no model time).
      const vectors = signals.includes("semantic")
        ? await embedLabelDescriptions(
            vocab,
            keywords,
            (texts) => embedReporting("label descriptions", texts),
            sdgDescriptions,
          )
        : {};
      return { parts: buildParts(vocab, keywords, vectors, aurora, sdgDescriptions), keywords, vectors };
    })());
  const classifierDeps = (parts: ScorerParts) => ({
    parts,
    vocab,
    embed,
    dims: embedder.dims,
    maxChars: embedder.maxChars,
  });

  // The SDG model reads a short text's vector as the classifier builds it: the mean of its chunks'.
  async function sdgVectors(texts: string[]): Promise<Float32Array[] | undefined> {
    if (!signals.includes("semantic")) return undefined;
    const spans = texts.map((t) => segmentText(t, embedder.maxChars).map((s) => t.slice(s.start, s.end)));
    const flat = await embedReporting("SDG examples", spans.flat());
    let i = 0;
    return spans.map((chunks) => meanVector(chunks.map(() => flat[i++]!))!);
  }

  // The exemplar-only texts (not fitted on) minus those an eval scores: a text must not be its own neighbour.
  async function fitSdg(parts: ScorerParts, texts: LabelledExample[], sdgIds: string[], holdOut?: ReadonlySet<string>) {
    if (texts.filter((e) => e.labels.some(isSdg)).length < MIN_SDG_TEXTS) return undefined;
    const data = await loadSdgData();
    const own = new Set(texts.map((t) => t.id));
    const pool = data.pool.filter((e) => e.labels.some(isSdg) && !holdOut?.has(e.id) && !own.has(e.id));
    const off = data.offTopic;
    const vectors = await sdgVectors([...texts.map((e) => e.text), ...pool.map((e) => e.text), ...off]);
    const at = (i: number) => vectors?.[i];
    const exemplars = vectors
      ? pool.map((e, i) => ({ key: e.key ?? e.id, labels: e.labels.filter(isSdg), vector: at(texts.length + i)! }))
      : [];
    const offTopic = off.map((text, i) => ({ text, vector: at(texts.length + pool.length + i) }));
    return fitSdgModel(parts, texts, sdgIds, vectors?.slice(0, texts.length), exemplars, offTopic);
  }

  async function trainState(examples: LabelledExample[], holdOut?: ReadonlySet<string>) {
    for (const ex of examples) {
      const bad = ex.labels.find((l) => !vocab.has(l));
      if (bad) throw new AppError("unknown_label", `Example ${ex.id} has unknown label ${bad}`);
    }
    progress?.({ stage: "preparing", done: 0, total: examples.length });
    const { parts, vectors } = await prepare();
    // SDG-only texts (research abstracts) calibrate the SDG model, not the GBF fusion.
    const sdgExamples = examples.filter((e) => e.labels.some(isSdg));
    const usable = examples.filter((e) => /\p{L}/u.test(e.text) && !e.labels.every(isSdg));
    const vecs = await embedReporting(
      "examples",
      usable.map((e) => e.text),
    );
    const exampleVectors = usable.map((e, i) => ({ key: e.key ?? e.id, labels: e.labels, vector: vecs[i]! }));
    const gbf = labelIdsBySpace(parts.labels).get("gbf")!;
    const rows: FusionRow[] = [];
    usable.forEach((e, i) => {
      const key = e.key ?? e.id;
      const { raw } = rawSignals(parts, e.text, vecs[i]!, exampleVectors, signals, key);
      for (const [labelId, f] of featureRows(raw, gbf)) {
        rows.push({
          key,
          labelId,
          base: f.base,
          knn: f.knn,
          hasKnn: raw.knn?.has(labelId) ?? false,
          y: e.labels.includes(labelId) ? 1 : 0,
        });
      }
    });
    if (!rows.some((r) => r.y === 1))
      throw new AppError("bad_request", "Training needs at least one example labelled with a GBF goal or target.");
    progress?.({ stage: "fitting", done: 0, total: rows.length });
    const fusionOpts = { useExamples: signals.includes("examples"), l2: options.l2 ?? 1e-3 };
    const fusion = fitFusion(rows, fusionOpts);
    const { global, perLabel } = chooseThresholds(outOfFoldScores(rows, fusionOpts), gbf);
    const sdgIds = labelIdsBySpace(parts.labels).get("sdg") ?? [];
    const sdgTexts = sdgExamples.length ? sdgExamples : (await loadSdgData()).examples;
    const sdg = await fitSdg(parts, sdgTexts, sdgIds, holdOut);
    const state: ClassifierState = {
      version: CLASSIFIER_VERSION,
      modelId: embedder.modelId,
      labelVectors: Object.fromEntries(Object.entries(vectors).map(([id, vs]) => [id, vs.map(vectorJson)])),
      examples: fusionOpts.useExamples
        ? exampleVectors.map((e) => ({ key: e.key, labels: e.labels, vector: vectorJson(e.vector) }))
        : [],
      fusion,
      thresholds: { ...perLabel, ...sdg?.thresholds },
      globalThreshold: global,
      signals,
      ...(sdg ? { sdg } : {}),
    };
    return { classifier: createClassifier(state, classifierDeps(parts)), state };
  }

  return {
    trainState,
    train: async (examples, opts) => (await trainState(examples, opts?.holdOut)).classifier,
    async fromState(state) {
      const { keywords, aurora, sdgDescriptions } = await prepareLexical();
      const vectors = Object.fromEntries(
        Object.entries(state.labelVectors).map(([id, vs]) => [id, vs.map((v) => Float32Array.from(v))]),
      );
      return createClassifier(state, classifierDeps(buildParts(vocab, keywords, vectors, aurora, sdgDescriptions)));
    },
    // Reads files only: a cache hit must not embed the label descriptions.
    async fingerprint() {
      const { keywords, aurora, sdgDescriptions } = await prepareLexical();
      const { examples, pool, offTopic } = await loadSdgData();
      const texts = (list: LabelledExample[]) => list.map((e) => [e.id, e.text, e.labels]);
      const sources = aurora.map((q) => [q.labelId, q.target, q.field, q.source]);
      return createHash("sha256")
        .update(JSON.stringify([[...keywords], sources, [...sdgDescriptions], texts(examples), texts(pool), offTopic]))
        .digest("hex");
    },
  };
}
