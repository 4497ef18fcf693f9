/**
 * How far the first start's training has got: the stage, and for the embedding stages how many
 * texts are embedded of how many. `/ready` shows it so the page can say why it waits.
 */
export interface TrainingProgress {
  stage: "preparing" | "label descriptions" | "examples" | "SDG examples" | "fitting" | "saving";
  done: number;
  total: number;
}

/**
 * The last progress a trainer reported: hand `report` to the trainer (`options.onProgress`) and
 * `current` to `deferClassifier`.
 *
 * @example
 * const progress = trackProgress();
 * deferClassifier(CLASSIFIER_VERSION, train({ onProgress: progress.report }), progress.current);
 */
export function trackProgress(): { report(p: TrainingProgress): void; current(): TrainingProgress | undefined } {
  let last: TrainingProgress | undefined;
  return {
    report: (p) => {
      last = { ...p };
    },
    current: () => last,
  };
}

/** Texts per embedding call while training reports progress: a few batches, so progress moves. */
export const PROGRESS_SLICE = 128;
