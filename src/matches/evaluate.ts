/** One labelled need or offer of the matchmaking set (`corpora/matchmaking/records.jsonl`). */
export interface MatchRecord {
  id: string;
  recordType: string;
  country?: string;
  language: string;
  title: string;
  text: string;
  /** For needs: the offers a person would want to see first. */
  gold?: string[];
}

export interface MatchQueryResult {
  id: string;
  gold: string[];
  ranked: string[];
  /** 1-based rank of the first relevant counterpart; undefined when none was returned. */
  firstRelevant?: number;
}

export interface MatchMetrics {
  queries: number;
  mrr: number;
  recallAt5: number;
  results: MatchQueryResult[];
}

/**
 * Mean reciprocal rank and recall@5 of ranked counterparts against the gold lists.
 *
 * @example
 * matchMetrics([{ id: "need-1", gold: ["o2"], ranked: ["o1", "o2"] }]).mrr // 0.5
 */
export function matchMetrics(runs: { id: string; gold: string[]; ranked: string[] }[]): MatchMetrics {
  const results = runs.map((r) => {
    const i = r.ranked.findIndex((id) => r.gold.includes(id));
    return { ...r, ...(i >= 0 ? { firstRelevant: i + 1 } : {}) };
  });
  const n = results.length || 1;
  return {
    queries: results.length,
    mrr: results.reduce((s, r) => s + (r.firstRelevant ? 1 / r.firstRelevant : 0), 0) / n,
    recallAt5:
      results.reduce((s, r) => s + r.ranked.slice(0, 5).filter((id) => r.gold.includes(id)).length / r.gold.length, 0) /
      n,
    results,
  };
}

/** Gold pairs seen from the offers' side: each offer's needs. */
export function invertGold(records: MatchRecord[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of records) for (const g of r.gold ?? []) out.set(g, [...(out.get(g) ?? []), r.id]);
  return out;
}
