/** A pinned model revision: each file's expected sha256, or null while not yet recorded. */
export interface ManifestEntry {
  revision: string;
  files: Record<string, string | null>;
}

export type ModelManifest = Record<string, ManifestEntry>;

/**
 * Models `npm run models:pull` knows. The revision pins the files; a checksum left null is
 * printed on first download and recorded in that model's `checksums.json`, which later loads
 * verify. Fill the nulls in here once a download has been checked by hand.
 */
export const MODEL_MANIFEST: ModelManifest = {
  "Xenova/multilingual-e5-small": {
    revision: "761b726dd34fb83930e26aab4e9ac3899aa1fa78",
    files: {
      "config.json": null,
      "tokenizer.json": null,
      "tokenizer_config.json": null,
      "special_tokens_map.json": null,
      "onnx/model_quantized.onnx": null,
    },
  },
};
