import { readFile } from "node:fs/promises";
import { testConfig } from "../../config.ts";
import { extractOptionsFromConfig } from "../index.ts";
import type { ExtractOptions } from "../types.ts";

/** Bytes of a committed sample (corpora/samples) or fixture (test/fixtures), for tests. */
export async function sample(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(`../../../corpora/samples/${name}`, import.meta.url)));
}

export async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(`../../../test/fixtures/${name}`, import.meta.url)));
}

/** Default extraction options (as the service would use them) with overrides. */
export function options(overrides: Partial<ExtractOptions> = {}): ExtractOptions {
  return { ...extractOptionsFromConfig(testConfig()), ...overrides };
}
