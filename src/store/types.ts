/**
 * Domain records and the narrow store interface. LanceDB and Arrow types never leave store/.
 */
export interface DocumentMeta {
  title?: string;
  filename?: string;
  country?: string;
  recordType?: string;
  sourceUrl?: string;
  /** Language given by the submitter; the detected one is `language`. */
  declaredLanguage?: string;
  submittedBy?: string;
  /** Where a harvested record came from (CHM, Bioland); absent for uploads. */
  source?: DocumentSource;
  /** The source system's own human tags (CBD term keys), kept apart from the suggestions. */
  sourceTags?: TagSet;
}

/** Provenance of a harvested document: the record it mirrors and its last update there. */
export interface DocumentSource {
  system: "chm" | "bioland";
  recordId: string;
  url: string;
  /** The record's update time in the source (ISO); a newer one re-ingests the document. */
  updatedAt: string;
}

export interface TagSet {
  targets: string[];
  goals: string[];
  subjects: string[];
  sdgs: string[];
}

export interface DocumentRecord extends DocumentMeta {
  id: string;
  contentHash: string;
  mediaType: string;
  language: string;
  pageCount: number;
  chunkCount: number;
  byteSize: number;
  /** Pages reported `needs_ocr` (no text layer and OCR off/unavailable). */
  needsOcrPages: number[];
  /** Tags used for filters and facets: accepted feedback overrides suggestions. */
  tags: TagSet;
  /** The full classification (suggestions, evidence, model id, thresholds) as JSON text. */
  classificationJson: string;
  createdAt: string;
  updatedAt: string;
}

/** A document without its full classification JSON: what search hits and lists need. */
export type DocumentSummary = Omit<DocumentRecord, "classificationJson">;

export interface ChunkRecord {
  id: string;
  documentId: string;
  contentHash: string;
  index: number;
  text: string;
  pageStart: number;
  pageEnd: number;
  charStart: number;
  charEnd: number;
  language: string;
  vector: Float32Array;
}

/** Structured filter; the store turns it into a safely quoted `where`. */
export interface ChunkFilter {
  documentIds?: string[];
  targets?: string[];
  goals?: string[];
  subjects?: string[];
  countries?: string[];
  languages?: string[];
  recordTypes?: string[];
  /** ISO dates (createdAt) inclusive. */
  from?: string;
  to?: string;
}

/**
 * A chunk as search returns it: without the vector and the fields no result shows (character
 * offsets, chunk language). Each column read costs about 20 µs per hit at 1M chunks, and a query
 * reads 55 hits per half (bench:search).
 */
export interface ChunkHit extends Omit<ChunkRecord, "vector" | "charStart" | "charEnd" | "language"> {
  /** Higher is better. semantic: cosine similarity; keyword: BM25; hybrid: RRF score. */
  score: number;
  semanticScore?: number;
  keywordScore?: number;
}

export type JobState = "queued" | "running" | "done" | "failed";

export interface JobRecord {
  id: string;
  state: JobState;
  /** Blob key of the uploaded bytes. */
  blobKey: string;
  meta: DocumentMeta;
  /** Caller's stable key (e.g. a path or URL): a changed file with the same key replaces the old one. */
  documentKey?: string;
  documentId?: string;
  attempts: number;
  maxAttempts: number;
  notBefore: string;
  errorCode?: string;
  errorMessage?: string;
  createdAt: string;
  updatedAt: string;
  /** Worker lease: a running job whose lease expired is taken again (the worker died). */
  leaseUntil?: string;
  /** Who holds the lease (one token per claim); transitions by anyone else are refused. */
  leaseOwner?: string;
  /** The pipeline's last reported progress, saved with each lease renewal. */
  progress?: JobProgress;
}

/** How far a running job has got (counts so far), as reported through the queue's heartbeat. */
export interface JobProgress {
  stage: string;
  pages: number;
  chunks: number;
  embedded: number;
  at: string;
}

export interface FeedbackRecord {
  id: string;
  documentId: string;
  labelId: string;
  action: "accept" | "reject" | "add";
  user: string;
  modelId: string;
  classifierVersion: string;
  createdAt: string;
}

/**
 * One submission of a document: who sent which bytes, when, with what metadata. Identical bytes
 * are one document; each submitter keeps their own submission (title, country, record type …).
 */
export interface SubmissionRecord {
  id: string;
  documentId: string;
  /** The submitter's principal fingerprint; absent for CLI and harvest ingestion. */
  submittedBy?: string;
  submittedAt: string;
  title?: string;
  filename?: string;
  country?: string;
  recordType?: string;
  declaredLanguage?: string;
  sourceUrl?: string;
}

export interface SearchChunksRequest {
  mode: "semantic" | "keyword" | "hybrid";
  /** Keyword query text (keyword, hybrid). */
  text?: string;
  /** Query vector (semantic, hybrid; optional in keyword mode, where it scores the hits' cosine). */
  vector?: Float32Array;
  filter?: ChunkFilter;
  limit: number;
  /** Keyword half tolerates typos (one edit in words of 4+ letters, two from 6). Default false. */
  fuzzy?: boolean;
}

export interface DocumentStore {
  readonly uri: string;
  readonly dims: number;
  documents: {
    get(id: string): Promise<DocumentRecord | undefined>;
    getMany(ids: string[]): Promise<DocumentRecord[]>;
    findByHash(contentHash: string): Promise<DocumentRecord | undefined>;
    list(opts?: { limit?: number; offset?: number; filter?: ChunkFilter }): Promise<DocumentRecord[]>;
    /** The same list without the classification JSON (browse pages, facets): far less to read. */
    listSummaries(opts?: { limit?: number; offset?: number; filter?: ChunkFilter }): Promise<DocumentSummary[]>;
    count(): Promise<number>;
    /** Atomically replaces the document's chunks and then writes its record (one writer at a time). */
    put(doc: DocumentRecord, chunks: ChunkRecord[]): Promise<void>;
    /** The bulk path: many documents in few commits (see WRITE_BATCH_ROWS); each stays atomic. */
    putMany(items: { doc: DocumentRecord; chunks: ChunkRecord[] }[]): Promise<void>;
    updateTags(id: string, tags: TagSet, classificationJson?: string): Promise<void>;
    /**
     * Deletes the document with its chunks, feedback, submissions and uploaded bytes (the bytes
     * stay while a queued/running job still needs them). Leftovers of an interrupted delete are
     * removed by deleting again; returns whether the document existed.
     */
    delete(id: string): Promise<boolean>;
  };
  chunks: {
    search(req: SearchChunksRequest): Promise<ChunkHit[]>;
    /** `search` plus the summaries of the hits' documents, read once (the liveness check's read). */
    searchWithDocuments(req: SearchChunksRequest): Promise<{ hits: ChunkHit[]; documents: DocumentSummary[] }>;
    forDocument(documentId: string): Promise<ChunkRecord[]>;
    count(): Promise<number>;
  };
  jobs: {
    create(job: JobRecord): Promise<void>;
    get(id: string): Promise<JobRecord | undefined>;
    list(opts?: { state?: JobState; limit?: number }): Promise<JobRecord[]>;
    /** Takes the oldest due job (queued, or running with an expired lease) and marks it running. */
    claim(now: Date, leaseMs: number, owner?: string): Promise<JobRecord | undefined>;
    update(id: string, patch: Partial<JobRecord>): Promise<void>;
    /** Applies `patch` only while the job is running under `owner`'s lease; false when it is not. */
    transition(id: string, owner: string, patch: Partial<JobRecord>): Promise<boolean>;
  };
  feedback: {
    add(rec: FeedbackRecord): Promise<void>;
    /**
     * Stores a batch in one commit, skipping ids already stored (so a retried write, or the same
     * deterministic ids written by two processes, store each row once); returns how many it added.
     */
    addMany(recs: FeedbackRecord[]): Promise<number>;
    forDocument(documentId: string): Promise<FeedbackRecord[]>;
    all(): Promise<FeedbackRecord[]>;
  };
  /** Every submission of every document (who, when, their metadata); removed with the document. */
  submissions: {
    /** Records that `meta.submittedBy` submitted the document; the same submission twice is kept once. */
    record(documentId: string, meta: DocumentMeta, submittedAt: string): Promise<void>;
    /** The document's submissions, oldest first. */
    submissionsOf(documentId: string): Promise<SubmissionRecord[]>;
    /** Whether `user` (a principal fingerprint) submitted the document. */
    hasSubmitted(documentId: string, user: string): Promise<boolean>;
    /** Every submission by any of `users` (one submitter's key ids), newest first. */
    bySubmitter(users: string[]): Promise<SubmissionRecord[]>;
  };
  /** Service settings as JSON text by key (e.g. `autoAccept`), shared by every process on the store. */
  settings: {
    get(key: string): Promise<string | undefined>;
    put(key: string, value: string): Promise<void>;
  };
  /**
   * Derived state the service can rebuild (the trained classifier) as bytes by name, in a LanceDB
   * table under the store URI so an object-store `DATA_DIR` keeps it too.
   */
  artifacts: {
    get(name: string): Promise<Uint8Array | undefined>;
    /** `replacePrefix`: once saved, delete the other artifacts whose name starts with it. */
    put(name: string, bytes: Uint8Array, opts?: { replacePrefix?: string }): Promise<void>;
    list(): Promise<string[]>;
    optimize(cleanupOlderThan: Date): Promise<void>;
  };
  /** Uploaded bytes by SHA-256, in a LanceDB table under the store URI. */
  blobs: {
    put(bytes: Uint8Array): Promise<string>;
    get(key: string): Promise<Uint8Array>;
    delete(key: string): Promise<void>;
    /** Deletes the bytes unless a document or a queued/running job still uses them (a failed upload's). */
    release(key: string): Promise<boolean>;
  };
  /** Builds/refreshes the full-text index (and an ANN index past a size threshold). */
  optimize(): Promise<void>;
  /** Runs a scheduled index refresh now and resolves when none is pending (tests, shutdown). */
  idle(): Promise<void>;
  /**
   * Holds the scheduled index refresh back while CPU-heavy work runs (an ingestion job), for at
   * most ~30 s past the oldest unrefreshed write; call the returned function when done.
   */
  holdMaintenance(): () => void;
  close(): Promise<void>;
}
