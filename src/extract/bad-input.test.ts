import { describe, expect, it } from "vitest";
import { extractDocument, sniffMediaType } from "./index.ts";
import { fixture, options, sample } from "./internal/test-files.ts";

describe("bad input", () => {
  it.each([
    ["empty.txt", "empty_file", /empty/],
    ["image.png", "unsupported_media_type", /PNG \(image\/png\)/],
    ["program.exe", "unsupported_media_type", /EXE/],
    ["archive.zip", "unsupported_media_type", /zip archive, not a Word document/],
    ["not-a-zip.docx", "corrupt_file", /damaged or incomplete/],
    ["binary.txt", "binary_as_text", /binary data/],
    ["corrupt.pdf", "corrupt_file", /damaged or incomplete/],
    ["encrypted.pdf", "encrypted_pdf", /password/],
  ])("%s is refused with %s and a message a person understands", async (name, code, message) => {
    const error = await extractDocument(await fixture(name), options({ filename: name })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AppError", code, transient: false });
    expect((error as Error).message).toMatch(message);
  });

  it("refuses a file over the upload limit before reading it", async () => {
    const bytes = await sample("nbsap-invasive-species.docx");
    await expect(extractDocument(bytes, options({ maxBytes: 1024 }))).rejects.toMatchObject({
      code: "too_large",
      details: { bytes: bytes.length, maxBytes: 1024 },
    });
    const doc = await extractDocument(bytes, options({ maxBytes: bytes.length }));
    expect(doc.text).toContain("invasive");
  });

  it("refuses a text file that is only blank space", async () => {
    await expect(extractDocument(new TextEncoder().encode(" \n\t\n "), options())).rejects.toMatchObject({
      code: "empty_file",
    });
  });

  it("refuses a web page whose only content is navigation and scripts", async () => {
    const html = "<!doctype html><html><body><nav>Home | About</nav><script>track()</script></body></html>";
    await expect(extractDocument(new TextEncoder().encode(html), options())).rejects.toMatchObject({
      code: "empty_file",
    });
  });

  it("refuses text with many control characters even without NUL bytes", async () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 5 === 0 ? 0x07 : 0x61));
    await expect(extractDocument(bytes, options())).rejects.toMatchObject({ code: "binary_as_text" });
  });
});

describe("sniffMediaType", () => {
  it("trusts the bytes, not the file name", async () => {
    expect(await sniffMediaType(await sample("gbf-section-1-multipage.pdf"), "report.docx")).toBe("application/pdf");
    expect(await sniffMediaType(await sample("nbsap-invasive-species.docx"), "report.pdf")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(await sniffMediaType(await sample("case-study-wetlands.html"), "page.txt")).toBe("text/html");
    await expect(sniffMediaType(await fixture("image.png"), "scan.pdf")).rejects.toMatchObject({
      code: "unsupported_media_type",
    });
  });

  it("lets the name choose only between Markdown and plain text", async () => {
    const bytes = new TextEncoder().encode("# Notes\n\nWetland birds were counted.");
    expect(await sniffMediaType(bytes, "notes.md")).toBe("text/markdown");
    expect(await sniffMediaType(bytes, "notes.markdown")).toBe("text/markdown");
    expect(await sniffMediaType(bytes, "notes.txt")).toBe("text/plain");
    expect(await sniffMediaType(bytes)).toBe("text/plain");
  });

  it("recognises HTML fragments and XHTML by their markup", async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(await sniffMediaType(enc("  <p>Seagrass</p>"))).toBe("text/html");
    expect(
      await sniffMediaType(
        enc('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>'),
      ),
    ).toBe("text/html");
    expect(await sniffMediaType(enc("a < b and <p> is a tag"))).toBe("text/plain");
  });
});
