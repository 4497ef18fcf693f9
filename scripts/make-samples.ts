/**
 * Writes the sample documents of corpora/samples/ (committed; used by tests, the demo and the
 * "ingest samples on empty store" start-up). Run with `npm run samples`.
 *
 * Headings come from corpora/gbf-goals-targets.json (English) and corpora/thesaurus-labels-6lang.json
 * (French, Spanish); the prose is in scripts/internal/samples-content-*.ts.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as docs from "./internal/samples-content-docs.ts";
import * as en from "./internal/samples-content-en.ts";
import * as i18n from "./internal/samples-content-i18n.ts";
import { docxFile, htmlPage, markdownFile } from "./internal/samples-docs.ts";
import { scannedPdf, textPdf, type PdfBlock } from "./internal/samples-pdf.ts";
import { readmeFor, type SampleEntry } from "./internal/samples-readme.ts";

const OUT = "corpora/samples";

interface Target {
  id: string;
  kind: string;
  number: string;
  title: string;
}

const targets = JSON.parse(await readFile("corpora/gbf-goals-targets.json", "utf8")) as Target[];
const labels = JSON.parse(await readFile("corpora/thesaurus-labels-6lang.json", "utf8")) as Record<
  string,
  Record<string, string>
>;

const targetId = (n: number) => `GBF-TARGET-${String(n).padStart(2, "0")}`;
const englishTitle = (n: number) => targets.find((t) => t.id === targetId(n))?.title ?? `Target ${n}`;
/** "GBF-T07. Réduction de la pollution…" → "Réduction de la pollution…" */
const localTitle = (lang: string, n: number) => (labels[lang]?.[targetId(n)] ?? "").replace(/^GBF-T\d+\.\s*/, "");

const entries: SampleEntry[] = [];
await mkdir(OUT, { recursive: true });

async function emit(entry: SampleEntry, content: Uint8Array | string): Promise<void> {
  await writeFile(join(OUT, entry.file), content);
  entries.push(entry);
}

// Multi-page national report with a real text layer, one or two targets per page.
const reportPages: PdfBlock[][] = en.REPORT_PAGES.map((page, i) => {
  const blocks: PdfBlock[] = i === 0 ? [{ kind: "title", text: en.REPORT_TITLE }] : [];
  const perTarget = Math.ceil(page.paragraphs.length / page.targets.length);
  page.targets.forEach((n, k) => {
    blocks.push({ kind: "heading", text: `Target ${n}: ${englishTitle(n)}` });
    const share =
      k === page.targets.length - 1
        ? page.paragraphs.slice(k * perTarget)
        : page.paragraphs.slice(k * perTarget, (k + 1) * perTarget);
    for (const text of share) blocks.push({ kind: "paragraph", text });
  });
  return blocks;
});
await emit(
  {
    file: "gbf-section-1-multipage.pdf",
    mediaType: "application/pdf",
    language: "en",
    targets: en.REPORT_PAGES.flatMap((p) => p.targets).map(targetId),
    pages: en.REPORT_PAGES.map((p, i) => ({ page: i + 1, targets: p.targets.map(targetId) })),
    description: "National report section on Targets 1-8, one or two targets per page, with a text layer.",
  },
  await textPdf(en.REPORT_TITLE, reportPages),
);

await emit(
  {
    file: "scanned-protected-areas.pdf",
    mediaType: "application/pdf",
    language: "en",
    targets: [targetId(3)],
    pages: [{ page: 1, targets: [targetId(3)] }],
    description: "One scanned page (image only, no text layer) on new protected areas; needs OCR.",
  },
  await scannedPdf(en.SCANNED_TITLE, [en.SCANNED_LINES]),
);

await emit(
  {
    file: "nbsap-invasive-species.docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    language: "en",
    targets: [targetId(6)],
    description: "NBSAP chapter on invasive alien species: headings, paragraphs and a bullet list.",
  },
  await docxFile(docs.DOCX_TITLE, docs.DOCX_SUBTITLE, docs.DOCX_SECTIONS),
);

const lead = `A case study for GBF Target 2 (${englishTitle(2)}): how farmers and a water agency rewetted a drained floodplain.`;
await emit(
  {
    file: "case-study-wetlands.html",
    mediaType: "text/html",
    language: "en",
    targets: [targetId(2)],
    description:
      "News article on wetland restoration wrapped in menus, scripts, a newsletter form and a cookie footer.",
  },
  htmlPage(docs.HTML_TITLE, lead, docs.HTML_SECTIONS),
);

await emit(
  {
    file: "biodiversity-finance-plan.md",
    mediaType: "text/markdown",
    language: "en",
    targets: [targetId(19), targetId(18)],
    description: "Markdown finance plan: resource mobilization, with a short part on harmful subsidies.",
  },
  markdownFile(docs.MARKDOWN_TITLE, docs.MARKDOWN_SECTIONS),
);

function localText(lang: string, title: string, intro: string, sections: i18n.LocalSection[], word: string): string {
  // French typography puts a space before the colon; Spanish does not.
  const colon = lang === "fr" ? " :" : ":";
  const body = sections.map((s) =>
    [`${word} ${s.target}${colon} ${localTitle(lang, s.target)}`, ...s.paragraphs].join("\n\n"),
  );
  return `${[`${title}\n${"=".repeat(title.length)}`, intro, ...body].join("\n\n")}\n`;
}

await emit(
  {
    file: "rapport-national-fr.txt",
    mediaType: "text/plain",
    language: "fr",
    targets: i18n.FRENCH_SECTIONS.map((s) => targetId(s.target)),
    description:
      "French national-report chapter on pollution (nutrients, pesticides, plastics) and sustainable agriculture, forestry and fisheries.",
  },
  localText("fr", i18n.FRENCH_TITLE, i18n.FRENCH_INTRO, i18n.FRENCH_SECTIONS, "Cible"),
);

await emit(
  {
    file: "informe-espacios-verdes-es.txt",
    mediaType: "text/plain",
    language: "es",
    targets: i18n.SPANISH_SECTIONS.map((s) => targetId(s.target)),
    description:
      "Spanish national-report chapter on urban green and blue spaces, with a paragraph on ecosystem services.",
  },
  localText("es", i18n.SPANISH_TITLE, i18n.SPANISH_INTRO, i18n.SPANISH_SECTIONS, "Meta"),
);

await writeFile(join(OUT, "manifest.json"), `${JSON.stringify(entries, null, 2)}\n`);
await writeFile(join(OUT, "README.md"), readmeFor(entries, englishTitle));
console.log(`wrote ${entries.length} samples to ${OUT}`);
