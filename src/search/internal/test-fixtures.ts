/** Test helpers for search: the shared word-hashing fake embedder (records: test/helpers/records.ts). */
import type { Embedder } from "../../embed/types.ts";
import { fakeEmbedder, hashEmbed as hashInto } from "../../../test/helpers/fake-embedder.ts";

export const DIMS = 64;

/** Bag of words hashed into DIMS buckets, normalised: texts sharing words are close. */
export const hashEmbed = (text: string): Float32Array => hashInto(text, DIMS);

export const hashEmbedder: Embedder = fakeEmbedder({ dims: DIMS, modelId: "hash-test", maxChars: 1000 });
