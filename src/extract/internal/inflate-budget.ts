import { createInflateRaw } from "node:zlib";
import { AppError } from "../../errors.ts";
import { entryData, readZipDirectory, type ZipEntry } from "./zip.ts";

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

const tooLarge = (what: string, maxBytes: number) =>
  new AppError(
    "too_large",
    `The Word document ${what}; the limit is ${mb(maxBytes)} (MAX_DECOMPRESSED_MB). Split it into smaller files.`,
    { details: { limit: "MAX_DECOMPRESSED_MB", maxBytes } },
  );

/**
 * Refuses a zip (DOCX) that unpacks to more than `maxBytes`, before any parser inflates it: first
 * from the sizes its central directory declares, then by inflating each entry as a stream that only
 * counts bytes (a zip bomb can declare small sizes), stopping as soon as the budget is spent.
 * Memory stays at one stream buffer whatever the archive holds.
 */
export async function checkInflateBudget(bytes: Uint8Array, maxBytes: number): Promise<void> {
  const entries = readZipDirectory(bytes);
  if (!entries) return; // sniffing already refused unreadable archives
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > maxBytes) throw tooLarge(`unpacks to ${mb(declared)}`, maxBytes);
  let total = 0;
  for (const entry of entries) {
    total += await inflatedSize(bytes, entry, maxBytes - total);
    if (total > maxBytes) throw tooLarge("unpacks to more than that", maxBytes);
  }
}

/** Bytes `entry` inflates to, counting no further than `budget` + 1. */
async function inflatedSize(bytes: Uint8Array, entry: ZipEntry, budget: number): Promise<number> {
  const data = entryData(bytes, entry);
  if (!data) return 0; // a damaged entry is the parser's to report
  if (entry.method === 0) return data.length;
  if (entry.method !== 8) return entry.uncompressedSize;
  return new Promise<number>((resolve) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on("end", () => resolve(size));
    // Corrupt deflate data: the parser reports it as a damaged document.
    inflate.on("error", () => resolve(size));
    inflate.end(data);
  });
}
