import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import type { Section } from "./samples-content-docs.ts";

/** A Word document with a title, a subtitle, headed sections, paragraphs and bullet lists. */
export async function docxFile(title: string, subtitle: string, sections: Section[]): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: subtitle, heading: HeadingLevel.HEADING_1 }),
  ];
  for (const section of sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_2 }));
    for (const text of section.paragraphs) children.push(new Paragraph({ text }));
    for (const text of section.bullets ?? []) children.push(new Paragraph({ text, bullet: { level: 0 } }));
  }
  const doc = await withFixedClock(
    async () =>
      new Document({
        title,
        creator: "chm-lens sample generator",
        sections: [{ children }],
      }),
  );
  return withFixedClock(async () => new Uint8Array(await Packer.toBuffer(doc)));
}

const FIXED_TIME = Date.UTC(2025, 5, 30, 12);

/**
 * The docx package stamps "created"/"modified" and zip entry times with the current time; pin
 * the clock while packing so regenerating the samples leaves git clean.
 */
async function withFixedClock<T>(work: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      super(...((args.length === 0 ? [FIXED_TIME] : args) as [number]));
    }
    static override now(): number {
      return FIXED_TIME;
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
  try {
    return await work();
  } finally {
    globalThis.Date = RealDate;
  }
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A news-site style page: the article is wrapped in the noise a real page has (menus, banner,
 * scripts, styles, a sidebar, a newsletter form, a cookie footer) that extraction must drop.
 */
export function htmlPage(title: string, lead: string, sections: Section[]): string {
  const body = sections
    .map((s) => {
      const paragraphs = s.paragraphs.map((p) => `      <p>${esc(p)}</p>`).join("\n");
      const bullets = s.bullets?.length
        ? `\n      <ul>\n${s.bullets.map((b) => `        <li>${esc(b)}</li>`).join("\n")}\n      </ul>`
        : "";
      return `      <h2>${esc(s.heading)}</h2>\n${paragraphs}${bullets}`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${esc(title)} | Wetland Alliance News</title>
  <style>body { font-family: sans-serif; } .promo { color: #c00; }</style>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){ dataLayer.push(arguments); } gtag("config", "UA-TRACKING-0001");</script>
</head>
<body>
  <header class="site-header">
    <div class="logo">Wetland Alliance News</div>
    <nav><a href="/">Home</a> | <a href="/stories">Stories</a> | <a href="/donate">Donate now</a> | <a href="/login">Sign in</a></nav>
  </header>
  <main>
    <article>
      <header><h1>${esc(title)}</h1><p class="byline">Published 14 March 2025</p></header>
      <p><strong>${esc(lead)}</strong></p>
${body}
      <footer class="share">Share this story on social media</footer>
    </article>
    <aside class="related"><h3>Related stories</h3><ul><li>Coral reef bleaching alert in the southern seas</li><li>Ten tips for a bee-friendly balcony</li></ul></aside>
  </main>
  <form class="newsletter" action="/subscribe"><label>Subscribe to our weekly newsletter</label><input type="email" name="email"><button>Subscribe</button></form>
  <noscript>Please enable JavaScript to see comments.</noscript>
  <footer class="site-footer"><p>&copy; 2025 Wetland Alliance. Cookie policy | Privacy | Terms of use</p></footer>
  <script src="/assets/comments.js"></script>
</body>
</html>
`;
}

/** Markdown with a title, headed sections and bullet lists. */
export function markdownFile(title: string, sections: Section[]): string {
  const parts = [`# ${title}`];
  for (const s of sections) {
    parts.push(`## ${s.heading}`, ...s.paragraphs);
    if (s.bullets?.length) parts.push(s.bullets.map((b) => `- ${b}`).join("\n"));
  }
  return `${parts.join("\n\n")}\n`;
}
