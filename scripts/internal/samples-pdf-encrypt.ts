import { createHash } from "node:crypto";

/**
 * A one-page PDF protected by a user password, written by hand with the PDF standard security
 * handler (revision 2, RC4 40-bit; ISO 32000-1 §7.6.3). pdf-lib cannot encrypt, and writing it
 * here keeps the fixture script free of system tools. Without the password no reader can open it.
 */
export function encryptedPdf(text: string, userPassword: string, ownerPassword: string): Uint8Array {
  const id = createHash("md5").update(`chm-lens:${text}`).digest();
  const permissions = -4;
  const ownerHash = rc4(md5(pad(ownerPassword)).subarray(0, 5), pad(userPassword));
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(permissions);
  const fileKey = md5(Buffer.concat([pad(userPassword), ownerHash, pBytes, id])).subarray(0, 5);
  const userHash = rc4(fileKey, PAD);

  const content = Buffer.from(`BT /F1 18 Tf 40 100 Td (${text.replace(/[()\\]/g, "")}) Tj ET`, "latin1");
  const encryptedContent = rc4(objectKey(fileKey, 4, 0), content);
  const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

  const objects: (string | Buffer)[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    Buffer.concat([
      Buffer.from(`<< /Length ${encryptedContent.length} >>\nstream\n`, "latin1"),
      encryptedContent,
      Buffer.from("\nendstream", "latin1"),
    ]),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(ownerHash)}> /U <${hex(userHash)}> /P ${permissions} >>`,
  ];

  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, "latin1"),
      typeof body === "string" ? Buffer.from(body, "latin1") : body,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${hex(id)}> <${hex(id)}>] >>`,
    "startxref",
    String(length),
    "%%EOF",
    "",
  ].join("\n");
  parts.push(Buffer.from(xref, "latin1"));
  return new Uint8Array(Buffer.concat(parts));
}

const PAD = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");

function pad(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, "latin1"), PAD]).subarray(0, 32);
}

function md5(data: Uint8Array): Buffer {
  return createHash("md5").update(data).digest();
}

function objectKey(fileKey: Buffer, num: number, gen: number): Buffer {
  const suffix = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]);
  return md5(Buffer.concat([fileKey, suffix])).subarray(0, Math.min(fileKey.length + 5, 16));
}

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}
