// The web page's JSDoc types come from src/api/ui/api-types.d.ts, generated from /openapi.json.
// A route whose zod schema changed without regenerating would let the page type-check against
// shapes the server no longer sends: this fails until `npm run ui:types` is run.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { renderUiApiTypes, UI_API_TYPES } from "../scripts/ui-api-types.ts";

describe("src/api/ui/api-types.d.ts", () => {
  it("matches the types generated from the current /openapi.json (run `npm run ui:types` if not)", async () => {
    const checkedIn = await readFile(UI_API_TYPES, "utf8");
    const fresh = await renderUiApiTypes();
    expect(checkedIn === fresh, "api-types.d.ts is stale: run `npm run ui:types`").toBe(true);
    // The schemas the page relies on are there.
    for (const name of ["SearchResult", "SearchHit", "DocumentDetail", "Suggestion", "Job", "Classification"]) {
      expect(fresh).toMatch(new RegExp(`\\b${name}: `));
    }
  });
});
