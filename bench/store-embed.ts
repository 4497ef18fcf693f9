/**
 * Builds the real-passage vector cache of the search benchmark (USE-lite over sdg-dev sentences)
 * ahead of a long load: `npx tsx bench/store-embed.ts`. `bench/search.ts` waits for it.
 */
import { realPassageVectors } from "./store-data.ts";

const { texts, model } = await realPassageVectors();
console.log(`${texts.length} real passages cached with ${model} vectors`);
