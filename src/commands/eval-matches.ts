import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Services } from "../app.ts";
import { invertGold, type MatchMetrics, type MatchRecord, matchMetrics } from "../matches/index.ts";
import { formatTable, type CommandIo } from "./io.ts";

export const MATCH_RECORDS = "corpora/matchmaking/records.jsonl";

export type MatchEvalServices = Pick<Services, "queue" | "worker" | "store" | "insights" | "classifier">;

export async function loadMatchRecords(file = MATCH_RECORDS): Promise<MatchRecord[]> {
  const lines = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim());
  return lines.map((l) => JSON.parse(l) as MatchRecord);
}

/**
 * Ingests the labelled needs and offers through the real pipeline (into the services' store: give it
 * an empty one), ranks counterparts for every need and every offer with a gold pair, and reports MRR
 * and recall@5, against a semantic-only ranking of the same candidates.
 */
export async function runMatchEval(
  services: MatchEvalServices,
  args: { records: MatchRecord[]; out?: string },
  io: CommandIo,
): Promise<number> {
  const { records } = args;
  const c = services.classifier;
  // Tags are half of a match's reason: wait for the classifier rather than store untagged documents.
  if (c && "loaded" in c) await (c as { loaded: Promise<unknown> }).loaded;
  for (const r of records) {
    await services.queue.enqueue({
      bytes: new TextEncoder().encode(`${r.title}\n\n${r.text}`),
      meta: {
        title: r.title,
        filename: `${r.id}.txt`,
        recordType: r.recordType,
        declaredLanguage: r.language,
        ...(r.country ? { country: r.country } : {}),
      },
      documentKey: `matchmaking/${r.id}`,
    });
  }
  while (await services.worker.runOnce());
  const docs = await services.store.documents.list({ limit: records.length * 2 });
  const docOf = new Map(records.map((r) => [r.id, docs.find((d) => d.title === r.title)?.id]));
  const recordOf = new Map([...docOf].map(([rec, doc]) => [doc, rec]));
  const missing = records.filter((r) => !docOf.get(r.id)).map((r) => r.id);
  if (missing.length > 0) io.err(`not ingested: ${missing.join(", ")}`);

  const offersGold = invertGold(records);
  const queries = records
    .map((r) => ({ r, gold: r.gold ?? offersGold.get(r.id) ?? [] }))
    .filter((q) => q.gold.length > 0 && docOf.get(q.r.id));
  const runs = { full: [] as Run[], semantic: [] as Run[] };
  const byDirection = { need: { full: [] as Run[] }, offer: { full: [] as Run[] } };
  for (const { r, gold } of queries) {
    const report = await services.insights.matches.matches(docOf.get(r.id)!, { limit: 50 });
    const toRecord = (ms: typeof report.matches) => ms.map((m) => recordOf.get(m.document.id) ?? m.document.id);
    const full = { id: r.id, gold, ranked: toRecord(report.matches) };
    const bySemantic = [...report.matches].sort((a, b) => b.components.semantic - a.components.semantic);
    runs.full.push(full);
    runs.semantic.push({ id: r.id, gold, ranked: toRecord(bySemantic) });
    byDirection[report.document.role].full.push(full);
  }
  const metrics = {
    full: matchMetrics(runs.full),
    semanticOnly: matchMetrics(runs.semantic),
    needToOffer: matchMetrics(byDirection.need.full),
    offerToNeed: matchMetrics(byDirection.offer.full),
  };
  const row = (name: string, m: MatchMetrics) => [name, String(m.queries), m.mrr.toFixed(3), m.recallAt5.toFixed(3)];
  io.out(`Matchmaking on ${MATCH_RECORDS} (${records.length} records)`);
  io.out(
    formatTable(
      ["ranking", "queries", "MRR", "recall@5"],
      [
        row("needs → offers", metrics.needToOffer),
        row("offers → needs", metrics.offerToNeed),
        row("all (shipped score)", metrics.full),
        row("all, semantic only", metrics.semanticOnly),
      ],
    ),
  );
  if (args.out) {
    await mkdir(args.out, { recursive: true });
    await writeFile(join(args.out, "matches.json"), `${JSON.stringify(metrics, null, 2)}\n`);
    io.out(`wrote ${join(args.out, "matches.json")}`);
  }
  return missing.length > 0 ? 1 : 0;
}

type Run = { id: string; gold: string[]; ranked: string[] };
