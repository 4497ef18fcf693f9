import type { ClassifierTrainer, LabelledExample } from "../classify/types.ts";
import { AppError } from "../errors.ts";
import type { Config } from "../config.ts";
import type { Embedder } from "../embed/types.ts";
import { crossValidate, type EvalRecord } from "../eval/index.ts";
import { sourceTagExamples } from "../harvest/index.ts";
import { createStore } from "../store/index.ts";
import type { Vocabulary } from "../vocab/index.ts";
import type { CommandIo } from "./io.ts";

/**
 * `eval --source-tags`: grouped k-fold cross-validation over harvested documents labelled by their
 * source's own GBF tags. Each fold's classifier trains on the development set plus the other
 * folds' documents, so a document's own tags never train the model that scores it.
 */
export async function crossValidateSourceTags(
  deps: { trainer: ClassifierTrainer; devSet: LabelledExample[]; sourceExamples?: LabelledExample[] },
  args: { k?: number; seed?: number },
  io: CommandIo,
): Promise<EvalRecord[]> {
  const examples = deps.sourceExamples ?? [];
  if (examples.length < 2)
    throw new AppError(
      "bad_request",
      `--source-tags needs at least 2 harvested documents with GBF source tags in DATA_DIR, found ${examples.length}; run \`harvest chm\` first.`,
    );
  io.out(`${examples.length} harvested documents with GBF source tags`);
  return crossValidate({
    trainer: deps.trainer,
    examples,
    alwaysTrain: deps.devSet,
    k: args.k ?? 5,
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    onFold: (fold, folds) => io.out(`fold ${fold}/${folds} scored`),
  });
}

/** The source-tag examples of the store at DATA_DIR (opened for reading, then closed). */
export async function harvestedExamples(
  config: Pick<Config, "DATA_DIR">,
  embedder: Pick<Embedder, "dims" | "modelId">,
  vocab: Vocabulary,
): Promise<LabelledExample[]> {
  const store = await createStore({ uri: config.DATA_DIR, dims: embedder.dims, embeddingModelId: embedder.modelId });
  try {
    return await sourceTagExamples(store, vocab);
  } finally {
    await store.close();
  }
}
