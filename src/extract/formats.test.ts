import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { extractDocument } from "./index.ts";
import { fixture, options, sample } from "./internal/test-files.ts";

describe("DOCX, HTML and text extraction", () => {
  it("reads a Word document's headings, paragraphs and bullets as separate paragraphs", async () => {
    const doc = await extractDocument(await sample("nbsap-invasive-species.docx"), options());
    expect(doc.mediaType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(doc.title).toBe("National Biodiversity Strategy and Action Plan 2024-2030");
    const paragraphs = doc.text.split("\n\n");
    expect(paragraphs).toContain("4.2 Priority pathways of introduction");
    expect(paragraphs).toContain("The ornamental plant and aquarium trade, including online sales.");
    expect(doc.text).toContain("golden apple snail damages rice paddies");
    expect(doc.pages).toEqual([{ page: 1, text: doc.text, source: "text" }]);
    expect(doc.language).toBe("en");
  });

  it("keeps an HTML article and drops menus, scripts, styles, forms, sidebars and footers", async () => {
    const doc = await extractDocument(await sample("case-study-wetlands.html"), options());
    expect(doc.mediaType).toBe("text/html");
    expect(doc.title).toBe("Bringing back the Marsh River wetlands: a restoration case study | Wetland Alliance News");
    expect(doc.text).toContain("blocked 64 kilometres of drainage ditches");
    expect(doc.text.startsWith("Bringing back the Marsh River wetlands")).toBe(true);
    for (const noise of [
      "Donate now",
      "dataLayer",
      "font-family",
      "Subscribe",
      "Related stories",
      "Cookie policy",
      "enable JavaScript",
      "Share this story",
      "Wetland Alliance News",
    ]) {
      expect(doc.text).not.toContain(noise);
    }
    // Block structure survives: headings and paragraphs are separate paragraphs of text.
    expect(doc.text.split("\n\n")).toContain("Rewetting and restoration");
    expect(doc.text).toContain("(65 percent of the degraded area).\nBreeding pairs of the black-tailed godwit");
  });

  it("takes the title from <h1> when the page has no <title>", async () => {
    const html =
      "<html><body><nav>Menu</nav><h1>Seagrass survey</h1><p>Seagrass meadows were mapped along the coast.</p></body></html>";
    const doc = await extractDocument(new TextEncoder().encode(html), options());
    expect(doc.title).toBe("Seagrass survey");
    expect(doc.text).toBe("Seagrass survey\n\nSeagrass meadows were mapped along the coast.");
  });

  it("reads French and Spanish UTF-8 text with accents intact", async () => {
    const fr = await extractDocument(
      await sample("rapport-national-fr.txt"),
      options({ filename: "rapport-national-fr.txt" }),
    );
    expect(fr.mediaType).toBe("text/plain");
    expect(fr.text).toContain("Cible 7 : Réduction de la pollution");
    expect(fr.language).toBe("fr");
    const es = await extractDocument(await sample("informe-espacios-verdes-es.txt"), options());
    expect(es.text).toContain("Meta 12: Los espacios verdes y azules urbanos");
    expect(es.language).toBe("es");
  });

  it("decodes UTF-16LE with a byte-order mark", async () => {
    const doc = await extractDocument(await fixture("utf16.txt"), options());
    expect(doc.text).toMatch(
      /^Rapport sur la biodiversité : les zones humides côtières abritent des espèces menacées\./,
    );
    expect(doc.language).toBe("fr");
    expect(doc.warnings).toContain("decoded as utf-16le");
  });

  it("decodes UTF-16BE without a byte-order mark", async () => {
    const text = "Les forêts tropicales abritent la moitié des espèces terrestres connues.";
    const be = Buffer.from(text, "utf16le").swap16();
    const doc = await extractDocument(new Uint8Array(be), options());
    expect(doc.text).toBe(text);
  });

  it("decodes Windows-1252 text, including €, œ and curly apostrophes", async () => {
    const doc = await extractDocument(await fixture("latin1.txt"), options());
    expect(doc.text).toContain("Façade littorale");
    expect(doc.text).toContain("Cœur de la réserve : coût estimé à 12 000 € par an, financé par l’agence de l’eau.");
    expect(doc.text).toContain("la campaña de restauración de humedales en la montaña añade");
    expect(doc.warnings).toContain("decoded as windows-1252");
  });

  it("strips a UTF-8 byte-order mark", async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode("Mangrove nurseries were set up in five villages."),
    ]);
    const doc = await extractDocument(bytes, options());
    expect(doc.text).toBe("Mangrove nurseries were set up in five villages.");
    expect(doc.warnings).toEqual([]);
  });

  it("treats a .md name as Markdown and takes the title from the first heading", async () => {
    const bytes = await fixture("sample.md");
    const md = await extractDocument(bytes, options({ filename: "notes.md" }));
    expect(md.mediaType).toBe("text/markdown");
    expect(md.title).toBe("Pollinator monitoring");
    expect(md.text).toContain("- Wild bee abundance rose by 12% where mowing was reduced.");
    const plain = await extractDocument(bytes, options({ filename: "notes.txt" }));
    expect(plain.mediaType).toBe("text/plain");
  });

  it("extracts every committed sample with the language and media type its manifest promises", async () => {
    const manifest = JSON.parse(
      await readFile(new URL("../../corpora/samples/manifest.json", import.meta.url), "utf8"),
    ) as { file: string; mediaType: string; language: string; pages?: unknown[] }[];
    expect(manifest.length).toBeGreaterThanOrEqual(7);
    for (const entry of manifest.filter((e) => !e.file.startsWith("scanned-"))) {
      const doc = await extractDocument(await sample(entry.file), options({ filename: entry.file }));
      expect({ file: entry.file, mediaType: doc.mediaType, language: doc.language }).toEqual({
        file: entry.file,
        mediaType: entry.mediaType,
        language: entry.language,
      });
      if (entry.pages) expect(doc.pages).toHaveLength(entry.pages.length);
    }
  });
});
