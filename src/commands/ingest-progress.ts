import cliProgress from "cli-progress";
import type { WorkerProgress } from "../ingest/index.ts";

/** Live bars for `ingest`: documents done, and the current document's chunks embedded, with totals. */
export interface IngestBars {
  progress(p: WorkerProgress): void;
  documentDone(file: string): void;
  /** "N pages, M chunks in S s (x pages/s, y chunks/s)". */
  throughput(): string;
  stop(): void;
}

export function startIngestBars(tty: NodeJS.WriteStream | undefined, documents: number): IngestBars {
  const started = Date.now();
  let pages = 0;
  let chunks = 0;
  let embeddedBefore = 0;
  let embedded = 0;
  const seconds = () => Math.max(0.001, (Date.now() - started) / 1000);
  const rate = () => `${(embedded / seconds()).toFixed(1)} chunks/s`;

  const multibar = tty?.isTTY
    ? new cliProgress.MultiBar(
        { stream: tty, hideCursor: true, clearOnComplete: false, format: "{label} [{bar}] {value}/{total} {info}" },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const docBar = multibar?.create(documents, 0, { label: "documents", info: "" });
  const chunkBar = multibar?.create(1, 0, { label: "chunks   ", info: "" });
  const info = () => `| pages ${pages} | chunks ${chunks} | ${rate()}`;

  return {
    progress(p) {
      if (p.stage === "extracted") pages += p.pages;
      if (p.stage === "chunked") {
        chunks += p.chunks;
        embeddedBefore = embedded;
        chunkBar?.setTotal(Math.max(1, p.chunks));
      }
      if (p.stage === "embedding") embedded = embeddedBefore + p.embedded;
      chunkBar?.update(p.embedded, { info: info() });
      docBar?.update({ info: info() });
    },
    documentDone(file) {
      docBar?.increment(1, { info: `| ${file}` });
    },
    throughput() {
      const s = seconds();
      return `${pages} pages, ${chunks} chunks in ${s.toFixed(1)} s (${(pages / s).toFixed(1)} pages/s, ${(chunks / s).toFixed(1)} chunks/s)`;
    },
    stop() {
      multibar?.stop();
    },
  };
}
