/**
 * Quick grouped 5-fold cross-validation for development (the official eval lives in src/eval).
 * Run: npm run cv-quick -- [--report] [--no-cv] [signals,comma,separated …]
 * `--report` also trains on the whole dev set and scores the report-style passages (a different
 * kind of text than the questions: the generalisation check).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmbedder, type Embedder } from "../src/embed/index.ts";
import { loadVocabulary } from "../src/vocab/index.ts";
import { createClassifierTrainer, loadDevSet, SIGNALS, type SignalName } from "../src/classify/index.ts";
import { REPORT_PASSAGES } from "../src/classify/report-style.fixture.ts";

const hash = (s: string) => [...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith("--")));
const names = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const variants: Array<[string, SignalName[]]> = names.length
  ? names.map((v) => [v, v === "all" ? [...SIGNALS] : (v.split(",") as SignalName[])])
  : [["all", [...SIGNALS]]];
const vocab = await loadVocabulary();
const dev = await loadDevSet(undefined, { vocab });
const base = await createEmbedder({ backend: "use", modelsDir: "", model: "", batchSize: 32 });
// A disk memo of vectors so repeated runs (variants, tuning) skip the slow encoder.
const memoFile = join(tmpdir(), `chm-cv-embeds-${base.modelId}.json`);
const memo = new Map<string, number[]>(existsSync(memoFile) ? JSON.parse(readFileSync(memoFile, "utf8")) : []);
let dirty = false;
const saveMemo = () => dirty && writeFileSync(memoFile, JSON.stringify([...memo]));
const embedder: Embedder = {
  ...base,
  modelId: base.modelId,
  dims: base.dims,
  maxChars: base.maxChars,
  multilingual: base.multilingual,
  async embed(texts, kind) {
    const todo = texts.filter((t) => !memo.has(t));
    if (todo.length) {
      const vs = await base.embed(todo, kind);
      todo.forEach((t, i) => memo.set(t, Array.from(vs[i]!)));
      dirty = true;
    }
    return texts.map((t) => Float32Array.from(memo.get(t)!));
  },
};
for (const [name, signals] of variants) {
  const trainer = createClassifierTrainer({ embedder, vocab, options: { signals } });
  const stats = new Map<string, { n: number; p1: number; r3: number }>();
  const t0 = Date.now();
  for (let f = 0; f < (flags.has("--no-cv") ? 0 : 5); f++) {
    const test = dev.filter((e) => hash(e.key!) % 5 === f);
    const clf = await trainer.train(dev.filter((e) => hash(e.key!) % 5 !== f));
    for (const e of test) {
      const r = await clf.classifyText(e.text);
      const gbf = r.suggestions.filter((s) => s.space === "gbf").map((s) => s.id);
      const s = stats.get(e.language!) ?? { n: 0, p1: 0, r3: 0 };
      s.n++;
      if (e.labels.includes(gbf[0]!)) s.p1++;
      else if (process.env.CV_ERRORS && e.language === process.env.CV_ERRORS) {
        const top = r.suggestions
          .slice(0, 3)
          .map((x) => `${x.id.replace("GBF-", "")}:${x.score.toFixed(2)}`)
          .join(" ");
        console.log(`  ${e.labels[0]} -> ${top} | ${e.text.slice(0, 110)}`);
      }
      if (gbf.slice(0, 3).some((g) => e.labels.includes(g))) s.r3++;
      stats.set(e.language!, s);
    }
  }
  const row = [...stats]
    .map(([l, s]) => `${l} p@1 ${(s.p1 / s.n).toFixed(3)} r@3 ${(s.r3 / s.n).toFixed(3)}`)
    .join(" | ");
  saveMemo();
  if (row) console.log(`${name.padEnd(28)} ${row}  (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
  if (flags.has("--report")) await reportTable(name, trainer);
}

async function reportTable(name: string, trainer: ReturnType<typeof createClassifierTrainer>) {
  const clf = await trainer.train(dev);
  let p1 = 0;
  let h3 = 0;
  let suggested = 0;
  for (const p of REPORT_PASSAGES) {
    const r = await clf.classifyText(p.text);
    const gbf = r.suggestions.filter((s) => s.space === "gbf");
    if (p.labels.includes(gbf[0]!.id)) p1++;
    else if (flags.has("--errors"))
      console.log(
        `  ${p.labels.join(",")} -> ${gbf
          .slice(0, 3)
          .map((x) => `${x.id.replace("GBF-", "")}:${x.score.toFixed(2)}`)
          .join(" ")} | ${p.text.slice(0, 70)}`,
      );
    if (gbf.slice(0, 3).some((s) => p.labels.includes(s.id))) h3++;
    suggested += gbf.filter((s) => s.decision === "suggest").length;
  }
  // Documents: five passages per document, one paragraph each; how many of their targets are
  // suggested, and how many suggestions are not theirs (long multi-topic text).
  let found = 0;
  let gold = 0;
  let extra = 0;
  for (let i = 0; i + 5 <= REPORT_PASSAGES.length; i += 5) {
    const group = REPORT_PASSAGES.slice(i, i + 5);
    const labels = new Set(group.flatMap((p) => p.labels));
    const r = await clf.classifyText(group.map((p) => p.text).join(process.env.DOC_JOIN ?? "\n\n"));
    const sug = r.suggestions.filter((s) => s.space === "gbf" && s.decision === "suggest" && s.id.includes("TARGET"));
    found += sug.filter((s) => labels.has(s.id)).length;
    extra += sug.filter((s) => !labels.has(s.id)).length;
    gold += labels.size;
  }
  console.log(
    `${`${name} [docs]`.padEnd(28)} target recall ${(found / gold).toFixed(3)} (${found}/${gold}) other targets suggested ${extra}`,
  );
  // The plain-text sample documents with their manifest targets (real report layout, headings).
  const samplesDir = join(process.cwd(), "corpora", "samples");
  const manifest = JSON.parse(readFileSync(join(samplesDir, "manifest.json"), "utf8")) as Array<{
    file: string;
    targets: string[];
  }>;
  for (const m of manifest.filter((x) => /\.(txt|md)$/.test(x.file))) {
    const r = await clf.classifyText(readFileSync(join(samplesDir, m.file), "utf8"));
    const sug = r.suggestions
      .filter((s) => s.space === "gbf" && s.decision === "suggest")
      .map((s) => s.id.replace("GBF-", ""));
    console.log(
      `  ${m.file}: gold ${m.targets.map((t) => t.replace("GBF-", "")).join(",")} | suggested ${sug.join(",")}`,
    );
  }
  const n = REPORT_PASSAGES.length;
  console.log(
    `${`${name} [report]`.padEnd(28)} n ${n} top-1 ${(p1 / n).toFixed(3)} top-3 ${(h3 / n).toFixed(3)} gbf suggests/passage ${(suggested / n).toFixed(1)}`,
  );
}
