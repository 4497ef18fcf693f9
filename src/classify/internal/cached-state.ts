import { z } from "zod";
import { CLASSIFIER_VERSION, type ClassifierState } from "./state.ts";

const numbers = z.array(z.number());
const logistic = z
  .object({ weights: numbers, bias: z.number(), mean: numbers, scale: numbers })
  .loose()
  .refine((m) => m.mean.length === m.weights.length && m.scale.length === m.weights.length, {
    message: "weights, mean and scale differ in length",
  });

/**
 * The parts of a cached `ClassifierState` the classifier reads. Loose objects: fields added by a
 * newer state shape pass through (the version in the cache key already separates real changes).
 */
const stateSchema = z
  .object({
    version: z.literal(CLASSIFIER_VERSION),
    modelId: z.string(),
    labelVectors: z.record(z.string(), z.array(numbers)),
    examples: z.array(z.object({ key: z.string(), labels: z.array(z.string()), vector: numbers }).loose()),
    fusion: z.object({ base: logistic, full: logistic.optional() }).loose(),
    thresholds: z.record(z.string(), z.number()),
    globalThreshold: z.number(),
    sdg: z
      .object({ model: logistic, thresholds: z.record(z.string(), z.number()), global: z.number() })
      .loose()
      .optional(),
    signals: z.array(z.string()),
  })
  .loose();

/**
 * Reads a cached classifier state, validated. Missing → undefined quietly; not JSON, the wrong
 * shape or another model → undefined with a warning, so the caller retrains and rewrites it
 * instead of serving a classifier built from a truncated or edited file.
 */
export function parseCachedState(
  text: string | undefined,
  modelId: string,
  logger?: { warn(obj: object, msg: string): void },
  file = "classifier state",
): ClassifierState | undefined {
  if (text === undefined) return undefined;
  let problem: string;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.modelId === modelId) return parsed.data as unknown as ClassifierState;
    problem = parsed.success
      ? `made for model ${parsed.data.modelId}`
      : parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
          .join("; ");
  } catch (e) {
    problem = `not JSON (${e instanceof Error ? e.message : String(e)})`;
  }
  logger?.warn({ file, problem }, `cached classifier state is invalid (${problem}): ignoring it and retraining`);
  return undefined;
}
