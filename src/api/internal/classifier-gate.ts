import { classifierStatus, readyClassifier } from "../../classify/index.ts";
import type { Classifier } from "../../classify/types.ts";
import { AppError } from "../../errors.ts";

/** Seconds a client is told to wait (`Retry-After`) while the classifier loads or trains. */
export const CLASSIFIER_RETRY_AFTER_S = 30;

/**
 * The classifier, if ready; otherwise a 503 `model_unavailable` at once (never a request held for
 * the minute a first training takes): with `Retry-After` while it loads, without once it failed.
 */
export function requireReadyClassifier(classifier: Classifier | undefined): Classifier {
  const ready = readyClassifier(classifier);
  if (ready) return ready;
  const status = classifierStatus(classifier);
  if (status === "loading") {
    throw new AppError("model_unavailable", "The classifier is still loading; retry shortly", {
      transient: true,
      details: { status, retryAfterSeconds: CLASSIFIER_RETRY_AFTER_S },
    });
  }
  throw new AppError("model_unavailable", "The classifier could not be loaded; see the server log", {
    details: { status },
  });
}
