import { describe, expect, it } from "vitest";
import type { ChunkHit } from "../types.ts";
import { fuseRanks } from "./rrf.ts";

const hit = (id: string, over: Partial<ChunkHit>): ChunkHit => ({
  id,
  documentId: "d",
  contentHash: "h",
  index: 0,
  text: id,
  pageStart: 1,
  pageEnd: 1,
  score: 0,
  ...over,
});

describe("fuseRanks", () => {
  it("ranks a passage both searches found above passages only one found, keeping both component scores", () => {
    const semantic = [hit("a", { semanticScore: 0.9 }), hit("both", { semanticScore: 0.8 })];
    const keyword = [
      hit("k", { semanticScore: 0.1, keywordScore: 7 }),
      hit("both", { semanticScore: 0.5, keywordScore: 3 }),
    ];
    const fused = fuseRanks(semantic, keyword);
    expect(fused.map((h) => h.id)).toEqual(["both", "a", "k"]);
    expect(fused[0]).toMatchObject({ semanticScore: 0.8, keywordScore: 3 });
    expect(fused[1]!.keywordScore).toBeUndefined();
    expect(fused[2]).toMatchObject({ semanticScore: 0.1, keywordScore: 7 });
  });
});
