/**
 * `npm run demo:harvest`: the whole harvest chain against a local stand-in of the CBD API, through
 * the real CLI (`cli harvest chm`, `cli eval --source-tags`) with the shipped embedder and the real
 * classifier trainer. Harvests 36 tagged records into a temporary DATA_DIR, re-harvests (nothing
 * changes), edits one record and re-harvests (updated in place), searches an attachment's text,
 * then cross-validates the classifier on the harvested source tags and prints per-label metrics.
 *
 * Options: `--keep` leaves the temporary folder; `--folds k` (default 2).
 * Env: CLASSIFIER_CACHE_DIR (default node_modules/.cache/chm-lens/demo-classifier) keeps the
 * served classifier between runs.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServices } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { pdfWith, startChmApi } from "../test/helpers/chm-api.ts";
import { ATTACHMENT_RECORD, demoIndexDocs } from "./internal/harvest-demo-records.ts";

const args = process.argv.slice(2);
const keep = args.includes("--keep");
const folds = args.includes("--folds") ? Number(args[args.indexOf("--folds") + 1]) : 2;
const ATTACHMENT_PHRASE = "seedling survival was highest on sandy mudflats";
// Words that occur only in the attachment (the record's summary also says "seedling survival").
const ATTACHMENT_ONLY_QUERY = "sandy mudflats";

const api = await startChmApi();
const dir = await mkdtemp(join(tmpdir(), "chm-harvest-demo-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dir,
  EVAL_DIR: join(dir, "eval"),
  CHM_API_URL: api.url,
  INGEST_SAMPLES_ON_EMPTY: "false",
  OCR_ENABLED: "false",
  HARVEST_BACKOFF_MS: "50",
  CLASSIFIER_CACHE_DIR: process.env.CLASSIFIER_CACHE_DIR ?? resolve("node_modules/.cache/chm-lens/demo-classifier"),
};
const t0 = Date.now();
const step = (title: string) => console.log(`\n=== ${title} (t=${((Date.now() - t0) / 1000).toFixed(1)} s)`);

/** Runs `src/cli.ts` as a user would (`npm run cli -- …`), echoing its output; fails on a non-zero exit. */
function cli(...cliArgs: string[]): Promise<string> {
  console.log(`$ npm run cli -- ${cliArgs.join(" ")}`);
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...cliArgs], { env });
    let out = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b;
      process.stdout.write(b);
    });
    child.stderr.on("data", (b: Buffer) => process.stderr.write(b));
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? ok(out) : fail(new Error(`cli ${cliArgs[0]} exited ${code}`))));
  });
}

function expectLine(out: string, wanted: string): void {
  if (!out.includes(wanted)) throw new Error(`expected "${wanted}" in the output above`);
}

try {
  const attachment = `/api/v2013/documents/${ATTACHMENT_RECORD}/attachments/1/guidelines.pdf`;
  for (const doc of demoIndexDocs(attachment)) api.index.set(String(doc.identifier_s), doc);
  api.files.set(attachment, {
    bytes: await pdfWith(["Field guidelines for mangrove replanting.", `In the pilot, ${ATTACHMENT_PHRASE}.`]),
    type: "application/pdf",
    failFirst: 1, // one 503 first: the harvester retries
  });
  const n = api.index.size;
  console.log(`Fake CBD API at ${api.url} with ${n} records; DATA_DIR=${dir}`);

  step("1. first harvest");
  expectLine(await cli("harvest", "chm"), `${n} records: ${n} new, 0 updated, 0 unchanged, 0 failed.`);

  step("2. re-harvest: nothing changed at the source");
  expectLine(await cli("harvest", "chm"), `${n} records: 0 new, 0 updated, ${n} unchanged, 0 failed.`);

  step("3. one record changes at the source, re-harvest");
  const edited = api.index.get("DEMO-VLR-01")!;
  api.index.set("DEMO-VLR-01", {
    ...edited,
    title_EN_t: "Restoring degraded peatlands in Central Kalimantan (revised 2026)",
    updatedDate_dt: "2026-01-15T10:00:00Z",
  });
  expectLine(await cli("harvest", "chm"), `${n} records: 0 new, 1 updated, ${n - 1} unchanged, 0 failed.`);

  step("4. search the stored documents");
  await searchStore();

  step(`5. eval --source-tags --folds ${folds} (real embedder, real trainer)`);
  await cli("eval", "--source-tags", "--folds", String(folds), "--out", join(dir, "eval-output"));
  step("done");
} finally {
  await api.close();
  if (keep) console.log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
process.exit(0);

/** Opens the harvested store (no classifier) to show documents and search hits. */
async function searchStore(): Promise<void> {
  const config = loadConfig(env);
  const s = await createServices(config, { logger: createLogger("error"), classifier: null });
  try {
    const docs = await s.store.documents.list();
    const revised = docs.find((d) => d.source?.recordId === "DEMO-VLR-01");
    console.log(
      `${docs.length} documents; DEMO-VLR-01 → "${revised?.title}" (updatedAt ${revised?.source?.updatedAt})`,
    );
    const withAttachment = docs.find((d) => d.source?.recordId === ATTACHMENT_RECORD);
    console.log(`${ATTACHMENT_RECORD}: source ${JSON.stringify(withAttachment?.source)}`);
    console.log(`  sourceTags ${JSON.stringify(withAttachment?.sourceTags)}`);
    const res = await s.search.search({ q: ATTACHMENT_ONLY_QUERY, mode: "keyword", limit: 3 });
    console.log(`search "${ATTACHMENT_ONLY_QUERY}" (keyword, words found only in the attachment):`);
    for (const h of res.hits)
      console.log(`  ${h.title} — "${(h.passages[0]?.snippet.text ?? "").replace(/\s+/g, " ").slice(0, 90)}…"`);
    const top = docs.find((d) => d.id === res.hits[0]?.documentId);
    if (top?.source?.recordId !== ATTACHMENT_RECORD) throw new Error("the attachment's text did not find its record");
  } finally {
    await s.close();
  }
}
