/**
 * Writes the small bad-input and encoding fixtures of test/fixtures/ (committed; the extract tests
 * read them). Run with `npx tsx scripts/make-fixtures.ts`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { docxFile } from "./internal/samples-docs.ts";
import { encryptedPdf } from "./internal/samples-pdf-encrypt.ts";
import { manyPagesPdf, textPdf } from "./internal/samples-pdf.ts";
import { storedZip } from "./internal/samples-zip.ts";

const OUT = "test/fixtures";
await mkdir(OUT, { recursive: true });
const put = (name: string, data: Uint8Array | string) => writeFile(join(OUT, name), data);

await put("empty.txt", "");

// A real PNG picture: images are not documents chm-lens reads.
const canvas = createCanvas(120, 40);
const ctx = canvas.getContext("2d");
ctx.fillStyle = "#2a7";
ctx.fillRect(0, 0, 120, 40);
await put("image.png", canvas.toBuffer("image/png"));

// A download cut off half way: header and some objects, no cross-reference table or trailer.
const whole = await textPdf("Truncated report", [
  [
    { kind: "heading", text: "Target 3: 30% of areas are effectively conserved" },
    { kind: "paragraph", text: "This report was cut off while downloading. ".repeat(40) },
  ],
]);
await put("corrupt.pdf", whole.subarray(0, Math.floor(whole.length * 0.5)));

await put("encrypted.pdf", encryptedPdf("Confidential national report draft", "chm-user", "chm-owner"));

// Starts like a Word file (zip signature, first entries) but was truncated: no central directory.
const docx = await docxFile("Truncated NBSAP", "Chapter 1", [{ heading: "Intro", paragraphs: ["Text. ".repeat(200)] }]);
await put("not-a-zip.docx", docx.subarray(0, 700));

await put("archive.zip", storedZip({ "notes.txt": "Meeting notes about wetlands.\n", "data.csv": "site,area\nA,12\n" }));

// A Windows executable header: file-type knows it, chm-lens must refuse it.
const exe = Buffer.alloc(512);
exe.write("MZ", 0, "latin1");
exe.writeUInt32LE(0x80, 0x3c);
exe.write("PE\0\0", 0x80, "latin1");
await put("program.exe", exe);

const french =
  "Rapport sur la biodiversité : les zones humides côtières abritent des espèces menacées. " +
  "La stratégie nationale prévoit la création de réserves marines et la restauration des forêts dégradées. " +
  "Les communautés autochtones participent à la gestion des aires protégées.\n";
await put("utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(french, "utf16le")]));

const latin =
  "Façade littorale : la stratégie régionale protège les zones humides et les prés salés. " +
  "Cœur de la réserve : coût estimé à 12 000 € par an, financé par l’agence de l’eau. " +
  "En España, la campaña de restauración de humedales en la montaña añade nuevos espacios protegidos para las cigüeñas.\n";
await put("latin1.txt", windows1252(latin));

// Deterministic noise with NUL bytes: binary data under a .txt name.
let seed = 42;
const noise = Buffer.alloc(2048);
for (let i = 0; i < noise.length; i++) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  noise[i] = i % 7 === 3 ? 0 : (seed >> 16) & 0xff;
}
noise[0] = 0x41; // keep clear of every magic number
await put("binary.txt", noise);

await put("many-pages.pdf", await manyPagesPdf(30));

await put(
  "sample.md",
  "# Pollinator monitoring\n\nVolunteers counted **bees and hoverflies** along 40 transects in urban parks.\n\n" +
    "## Results\n\n- Wild bee abundance rose by 12% where mowing was reduced.\n- Hoverflies were most common in flower meadows.\n",
);

console.log(`wrote fixtures to ${OUT}`);

/** Latin-1 plus the Windows-1252 extras used above (€, œ, ’). */
function windows1252(text: string): Buffer {
  const extras: Record<string, number> = { "€": 0x80, "’": 0x92, "œ": 0x9c, "Œ": 0x8c };
  return Buffer.from(
    [...text].map((ch) => {
      const code = extras[ch] ?? ch.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
      return code;
    }),
  );
}
