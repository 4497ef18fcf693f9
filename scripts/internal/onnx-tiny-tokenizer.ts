const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;
const PUNCTUATION = [".", ",", ";", ":", "(", ")", "-", "'", '"', "/", "%", "!", "?"];
const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789".split("");
const SUFFIXES = ["##s", "##es", "##ed", "##ing", "##ly", "##al", "##tion", "##ment", "##ity"];
/** e5 prefixes must not collapse into [UNK], or query and passage vectors would be equal. */
const ALWAYS = ["query", "passage"];

/**
 * A WordPiece vocabulary: special tokens, punctuation, single characters (so every ASCII word
 * still splits into known pieces), a few suffixes, then the most frequent words of `text`.
 * Deterministic: ties break alphabetically.
 */
export function buildVocab(text: string, wordCount: number): string[] {
  const counts = new Map<string, number>();
  for (const word of text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .match(/[a-z]{2,}/g) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const frequent = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const vocab: string[] = [...SPECIAL_TOKENS, ...PUNCTUATION, ...LETTERS, ...LETTERS.map((c) => `##${c}`), ...SUFFIXES];
  const seen = new Set(vocab);
  for (const word of [...ALWAYS, ...frequent]) {
    if (vocab.length >= SPECIAL_TOKENS.length + PUNCTUATION.length + 2 * LETTERS.length + SUFFIXES.length + wordCount)
      break;
    if (!seen.has(word)) {
      seen.add(word);
      vocab.push(word);
    }
  }
  return vocab;
}

/** The `tokenizer.json` of a lower-casing BERT WordPiece tokenizer over `vocab`. */
export function tokenizerJson(vocab: string[], maxLength: number): object {
  const id = (token: string) => vocab.indexOf(token);
  const special = (token: string) => ({
    id: id(token),
    content: token,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const specialRef = (token: string) => ({ SpecialToken: { id: token, type_id: 0 } });
  return {
    version: "1.0",
    truncation: { direction: "Right", max_length: maxLength, strategy: "LongestFirst", stride: 0 },
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [specialRef("[CLS]"), { Sequence: { id: "A", type_id: 0 } }, specialRef("[SEP]")],
      pair: [
        specialRef("[CLS]"),
        { Sequence: { id: "A", type_id: 0 } },
        specialRef("[SEP]"),
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(["[CLS]", "[SEP]"].map((t) => [t, { id: t, ids: [id(t)], tokens: [t] }])),
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, i) => [token, i])),
    },
  };
}

/** The matching `tokenizer_config.json`. */
export function tokenizerConfigJson(maxLength: number): object {
  return {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    model_max_length: maxLength,
    clean_up_tokenization_spaces: true,
    cls_token: "[CLS]",
    sep_token: "[SEP]",
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    mask_token: "[MASK]",
  };
}
