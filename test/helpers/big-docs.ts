/** Large and hostile documents generated at test time (nothing big is committed). */
import { readFileSync } from "node:fs";
import { crc32, deflateRawSync } from "node:zlib";

/** English GBF target texts, joined into paragraphs until the text holds about `bytes` characters. */
export function englishText(bytes: number): string {
  const targets = JSON.parse(readFileSync("corpora/gbf-goals-targets.json", "utf8")) as Array<{
    title: string;
    text: string;
  }>;
  const paragraphs = targets.flatMap((t) => [t.title, t.text]).filter((p) => p.trim() !== "");
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `${i}. ${paragraphs[i % paragraphs.length]}`;
    out.push(p);
    size += p.length + 2;
  }
  return out.join("\n\n");
}

/**
 * A zip archive from `entries`, each stored deflated, with a central directory (what DOCX readers
 * use). `declaredSize` overrides the uncompressed size written in the headers, to lie like a bomb.
 */
export function zipOf(entries: Array<{ name: string; data: Uint8Array; declaredSize?: number }>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const packed = deflateRawSync(e.data, { level: 9 });
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A DOCX whose document.xml holds `paragraphs` (each repeated `repeat` times): tiny zipped, huge inflated. */
export function docxOf(paragraph: string, repeat: number, declaredSize?: number): Uint8Array {
  const p = `<w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p.repeat(repeat)}</w:body></w:document>`;
  const enc = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
  return zipOf([
    { name: "[Content_Types].xml", data: enc(CONTENT_TYPES) },
    { name: "_rels/.rels", data: enc(RELS) },
    { name: "word/document.xml", data: enc(xml), ...(declaredSize !== undefined ? { declaredSize } : {}) },
  ]);
}
