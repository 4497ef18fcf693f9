import type { Embedder } from "../embed/types.ts";
import { AppError } from "../errors.ts";
import { DEFAULT_CORPORA_DIR } from "../vocab/index.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { join } from "node:path";
import { loadDevSet } from "./dev-set.ts";
import { type AuroraQuery, loadAuroraQueries } from "./internal/aurora-load.ts";
import { createClassifier } from "./internal/classifier.ts";
import { featureRows } from "./internal/features.ts";
import { fitFusion, outOfFoldScores, type FusionRow } from "./internal/fit-fusion.ts";
import { loadKeywords, type KeywordTable } from "./internal/keywords.ts";
import { buildParts, embedLabelDescriptions, memoEmbed } from "./internal/prepare.ts";
import { labelIdsBySpace, rawSignals, type ScorerParts } from "./internal/scorer.ts";
import { fitSdgModel, isSdg, meanVector } from "./internal/sdg-train.ts";
import { segmentText } from "./internal/segment.ts";
import { CLASSIFIER_VERSION, SIGNALS, type ClassifierState, type SignalName } from "./internal/state.ts";
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
   * Told how training advances (stage, texts embedded of the total). A function, so it never
   * reaches the cache key (which hashes the options as JSON).
   */
  onProgress?: (p: TrainingProgress) => void;
}

export interface ClassifierTrainerWithState extends ClassifierTrainer {
  /** Trains and also returns the serialisable state (for the on-disk cache). */
  trainState(examples: LabelledExample[]): Promise<{ classifier: Classifier; state: ClassifierState }>;
  /** Rebuilds a classifier from a cached state without retraining. */
  fromState(state: ClassifierState): Promise<Classifier>;
  keywords(): Promise<KeywordTable>;
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
  const defaultSdgExamples = () =>
    loadDevSet(DEFAULT_CORPORA_DIR, { vocab, file: join(DEFAULT_CORPORA_DIR, "sdg-dev", "oro-gold.jsonl") });
  let lexical: Promise<{ keywords: KeywordTable; aurora: AuroraQuery[] }> | undefined;
  const prepareLexical = () =>
    (lexical ??= (async () => {
      const [keywords, aurora] = await Promise.all([
        loadKeywords(options.keywordsDir ?? join(DEFAULT_CORPORA_DIR, "keywords"), vocab),
        loadAuroraQueries(options.auroraDir ?? join(DEFAULT_CORPORA_DIR, "aurora-sdg-queries")),
      ]);
      return { keywords, aurora };
    })());
  let partsPromise:
    | Promise<{
        parts: ScorerParts;
        keywords: KeywordTable;
        vectors: Record<string, Float32Array[]>;
        aurora: AuroraQuery[];
      }>
    | undefined;
  const prepare = () =>
    (partsPromise ??= (async () => {
      const { keywords, aurora } = await prepareLexical();
      // Without the semantic signal the label descriptions need no vectors (and no model time).
      const vectors = signals.includes("semantic")
        ? await embedLabelDescriptions(vocab, keywords, (texts) => embedReporting("label descriptions", texts))
        : {};
      return { parts: buildParts(vocab, keywords, vectors, aurora), keywords, vectors, aurora };
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

  async function trainState(examples: LabelledExample[]) {
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
    const sdgTexts = sdgExamples.length ? sdgExamples : (options.sdgExamples ?? (await defaultSdgExamples()));
    const sdg = fitSdgModel(parts, sdgTexts, sdgIds, await sdgVectors(sdgTexts.map((e) => e.text)));
    const state: ClassifierState = {
      version: CLASSIFIER_VERSION,
      modelId: embedder.modelId,
      labelVectors: Object.fromEntries(Object.entries(vectors).map(([id, vs]) => [id, vs.map((v) => Array.from(v))])),
      examples: fusionOpts.useExamples
        ? exampleVectors.map((e) => ({ key: e.key, labels: e.labels, vector: Array.from(e.vector) }))
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
    train: async (examples) => (await trainState(examples)).classifier,
    async fromState(state) {
      const { keywords, aurora } = await prepareLexical();
      const vectors = Object.fromEntries(
        Object.entries(state.labelVectors).map(([id, vs]) => [id, vs.map((v) => Float32Array.from(v))]),
      );
      return createClassifier(state, classifierDeps(buildParts(vocab, keywords, vectors, aurora)));
    },
    // The cache key needs only the keyword table: a cache hit must not embed the label descriptions.
    keywords: async () => (await prepareLexical()).keywords,
  };
}
