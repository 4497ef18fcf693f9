import { describe, expect, it } from "vitest";
import { extractDocument } from "./index.ts";
import { fixture, options, sample } from "./internal/test-files.ts";

describe("PDF extraction", () => {
  it("keeps page numbers: each target's text is on the page it was printed on", async () => {
    const doc = await extractDocument(await sample("gbf-section-1-multipage.pdf"), options());
    expect(doc.mediaType).toBe("application/pdf");
    expect(doc.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.pages.every((p) => p.source === "text")).toBe(true);
    expect(doc.pages[0]?.text).toContain("National Spatial Plan for Biodiversity");
    expect(doc.pages[1]?.text).toContain("Target 3: 30% of areas are effectively conserved");
    expect(doc.pages[2]?.text).toContain("crested ibis");
    expect(doc.pages[3]?.text).toContain("water hyacinth");
    expect(doc.pages[4]?.text).toContain("mangroves have been replanted");
    expect(doc.pages[2]?.text).not.toContain("water hyacinth");
    expect(doc.title).toBe("Seventh National Report of the Republic of Aldoria - Section I: Targets 1 to 8");
    expect(doc.language).toBe("en");
  });

  it("maps offsets in the joined text back to pages", async () => {
    const doc = await extractDocument(await sample("gbf-section-1-multipage.pdf"), options());
    expect(doc.text).toBe(doc.pages.map((p) => p.text).join("\n\n"));
    doc.pages.forEach((page, i) => {
      const start = doc.pageOffsets[i]!;
      expect(doc.text.slice(start, start + page.text.length)).toBe(page.text);
    });
    const at = doc.text.indexOf("crested ibis");
    const pageIndex = doc.pageOffsets.findLastIndex((offset) => offset <= at);
    expect(pageIndex).toBe(2);
  });

  it("reads lines in order, with words of a line kept together", async () => {
    const doc = await extractDocument(await sample("gbf-section-1-multipage.pdf"), options());
    const page1 = doc.pages[0]!.text;
    expect(page1.indexOf("Target 1:")).toBeLessThan(page1.indexOf("Aldoria adopted its first"));
    expect(page1).toMatch(/Aldoria adopted its first National Spatial Plan for Biodiversity in March 2024\./);
  });

  it("OCRs a scanned page that has no text layer", async () => {
    const doc = await extractDocument(await sample("scanned-protected-areas.pdf"), options());
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]?.source).toBe("ocr");
    const text = doc.text.toLowerCase();
    for (const word of ["protected areas", "national park", "conservation measures", "ranger patrols"]) {
      expect(text).toContain(word);
    }
    expect(doc.warnings).toContain("page 1 OCRed");
    expect(doc.language).toBe("en");
  });

  it("flags a scanned page as needs_ocr with a warning when OCR is off, never silently empty", async () => {
    const doc = await extractDocument(
      await sample("scanned-protected-areas.pdf"),
      options({ ocr: { enabled: false, langs: [] } }),
    );
    expect(doc.pages[0]).toEqual({ page: 1, text: "", source: "needs_ocr" });
    expect(doc.warnings.join(" ")).toMatch(/page 1 has no text layer and OCR is off/);
  });

  it("flags needs_ocr with the reason when no OCR language data is installed", async () => {
    const doc = await extractDocument(
      await sample("scanned-protected-areas.pdf"),
      options({ ocr: { enabled: true, langs: ["xyz"] } }),
    );
    expect(doc.pages[0]?.source).toBe("needs_ocr");
    expect(doc.warnings.join(" ")).toMatch(/OCR failed \(No OCR language data is installed for xyz/);
  });

  it("refuses a PDF with more pages than MAX_PAGES", async () => {
    const bytes = await fixture("many-pages.pdf");
    await expect(extractDocument(bytes, options({ maxPages: 10 }))).rejects.toMatchObject({
      code: "too_many_pages",
      message: expect.stringContaining("30 pages; the limit is 10"),
    });
    const doc = await extractDocument(bytes, options({ maxPages: 30 }));
    expect(doc.pages[29]?.text).toBe("Page 30 of 30");
  });

  it("reports a truncated PDF as corrupt", async () => {
    await expect(extractDocument(await fixture("corrupt.pdf"), options())).rejects.toMatchObject({
      code: "corrupt_file",
    });
  });

  it("reports a password-protected PDF as encrypted, with advice", async () => {
    await expect(extractDocument(await fixture("encrypted.pdf"), options())).rejects.toMatchObject({
      code: "encrypted_pdf",
      message: "The PDF is protected by a password; remove the password and upload it again.",
    });
  });

  it("stops with a non-transient timeout when extraction takes too long", async () => {
    await expect(
      extractDocument(await sample("gbf-section-1-multipage.pdf"), options({ timeoutMs: 1 })),
    ).rejects.toMatchObject({ code: "timeout", transient: false });
  });

  it("leaves the caller's bytes usable (pdf.js must not detach them)", async () => {
    const bytes = await sample("gbf-section-1-multipage.pdf");
    await extractDocument(bytes, options());
    expect(bytes.byteLength).toBeGreaterThan(1000);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
  });
});
