export interface Chunk {
  /** 0-based position in the document. */
  index: number;
  text: string;
  /** Offsets into ExtractedDocument.text: text === doc.text.slice(charStart, charEnd). */
  charStart: number;
  charEnd: number;
  /** 1-based pages the chunk spans. */
  pageStart: number;
  pageEnd: number;
  language: string;
}

export interface ChunkOptions {
  /** Characters per chunk; sized to the embedding model's window. */
  size: number;
  overlap: number;
}
