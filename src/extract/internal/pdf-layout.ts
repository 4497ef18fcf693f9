/** The parts of a pdf.js text item that reading order needs. Marked-content items have no `str`. */
export interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  height?: number;
  transform?: number[];
}

/**
 * Joins pdf.js text items into lines: a new line on `hasEOL` or when the baseline moves, and a
 * blank line when the vertical gap is much larger than the text height (a paragraph break).
 */
export function pageText(items: TextItemLike[]): string {
  let out = "";
  let lastY: number | undefined;
  let lastHeight = 0;
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    const y = item.transform?.[5];
    const height = item.height ?? 0;
    if (y !== undefined && lastY !== undefined && item.str !== "") {
      const gap = Math.abs(lastY - y);
      const lineHeight = Math.max(height, lastHeight, 1);
      if (gap > lineHeight * 0.5) {
        if (!out.endsWith("\n")) out += "\n";
        if (gap > lineHeight * 1.9 && !out.endsWith("\n\n")) out += "\n";
      }
    }
    out += item.str;
    if (item.hasEOL && !out.endsWith("\n")) out += "\n";
    if (item.str !== "" && y !== undefined) {
      lastY = y;
      lastHeight = height;
    }
  }
  return out;
}
