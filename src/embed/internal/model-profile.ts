/** What a transformers model needs from us beyond its files: prefixes and language reach. */
export interface ModelProfile {
  queryPrefix: string;
  passagePrefix: string;
  multilingual: boolean;
}

/**
 * Rules matched against the model name (e.g. `Xenova/multilingual-e5-small`); every matching
 * row contributes its fields, later rows win. One table so adding a model family is one line.
 */
const MODEL_RULES: Array<{ match: RegExp } & Partial<ModelProfile>> = [
  // e5 was trained with these prefixes; without them retrieval quality drops noticeably.
  { match: /(^|[^a-z0-9])e5([^a-z0-9]|$)/i, queryPrefix: "query: ", passagePrefix: "passage: " },
  { match: /multilingual-e5/i, multilingual: true },
  { match: /paraphrase-multilingual/i, multilingual: true },
  { match: /labse/i, multilingual: true },
];

/** The profile for a model name; unknown models get no prefixes and count as English-only. */
export function modelProfile(model: string): ModelProfile {
  const profile: ModelProfile = { queryPrefix: "", passagePrefix: "", multilingual: false };
  for (const { match, ...fields } of MODEL_RULES) {
    if (match.test(model)) Object.assign(profile, fields);
  }
  return profile;
}

/** Tokens per character is roughly 1/3 for European text, so tokens × 3 keeps a chunk inside the window. */
const CHARS_PER_TOKEN = 3;
const DEFAULT_MAX_TOKENS = 512;

/**
 * Characters per chunk that fit the model's window, from `tokenizer_config.json`'s
 * `model_max_length` (ignored when it is the "unlimited" sentinel) or `config.json`'s
 * `max_position_embeddings` (RoBERTa-style models reserve 2 positions, so 514 means 512).
 */
export function maxCharsFor(config: Record<string, unknown>, tokenizerConfig: Record<string, unknown>): number {
  const fromTokenizer = Number(tokenizerConfig.model_max_length);
  const positions = Number(config.max_position_embeddings);
  let tokens = DEFAULT_MAX_TOKENS;
  if (Number.isFinite(fromTokenizer) && fromTokenizer > 0 && fromTokenizer < 100_000) tokens = fromTokenizer;
  else if (Number.isFinite(positions) && positions > 0) tokens = positions === 514 ? 512 : positions;
  return tokens * CHARS_PER_TOKEN;
}
