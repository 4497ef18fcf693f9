// The house-style import rules live in biome.json overrides; a typo in a glob or an override that
// stops matching would silently switch them off. This runs the repo's Biome with the repo's config
// on probe files that break each rule (and on allowed twins, so a failure is the rule, not the probe).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIOME = resolve("node_modules/.bin/biome");

const PROBES: Record<string, string> = {
  "src/extract/lance.ts": 'import { connect } from "@lancedb/lancedb";\n\nexport const x = connect;\n',
  "src/search/arrow.ts": 'import { Table } from "apache-arrow";\n\nexport const x = Table;\n',
  "src/store/lance.ts": 'import { connect } from "@lancedb/lancedb";\n\nexport const x = connect;\n',
  "src/classify/hono.ts": 'import { Hono } from "hono";\n\nexport const x = Hono;\n',
  "src/store/hono.ts": 'import { Hono } from "hono";\n\nexport const x = Hono;\n',
  "src/api/hono.ts": 'import { Hono } from "hono";\n\nexport const x = Hono;\n',
  "src/api/lance.ts": 'import { connect } from "@lancedb/lancedb";\n\nexport const x = connect;\n',
  "src/search/internal-peek.ts": 'import { x } from "../store/internal/write.ts";\n\nexport const y = x;\n',
  "src/search/own-internal.ts": 'import { x } from "./internal/rrf.ts";\n\nexport const y = x;\n',
  "src/search/via-index.ts": 'import { x } from "../store/index.ts";\n\nexport const y = x;\n',
  "test/peek.test.ts": 'import { x } from "../src/store/internal/write.ts";\n\nexport const y = x;\n',
};

interface Diagnostic {
  category: string;
  message: string;
  location?: { path?: string };
}

describe("Biome import rules (biome.json)", () => {
  let dir: string;
  let byFile: Map<string, string[]>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "chm-lint-"));
    // The repo's config as is, minus the VCS link (the probe folder is not a git work tree).
    const config = JSON.parse(readFileSync("biome.json", "utf8"));
    delete config.$schema;
    config.vcs = { enabled: false };
    writeFileSync(join(dir, "biome.json"), JSON.stringify(config));
    for (const [path, text] of Object.entries(PROBES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    // Biome exits 1 when it finds errors; the JSON report is on stdout either way.
    const out = await run(BIOME, ["lint", "--reporter=json", "--max-diagnostics=100", "."], { cwd: dir }).catch(
      (e: { stdout: string }) => ({ stdout: e.stdout }),
    );
    const report = JSON.parse(out.stdout) as { diagnostics: Diagnostic[] };
    byFile = new Map();
    for (const d of report.diagnostics) {
      const path = d.location?.path ?? "";
      byFile.set(path, [...(byFile.get(path) ?? []), `${d.category}: ${d.message}`]);
    }
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const errorsOf = (path: string) => byFile.get(path) ?? [];

  it("lets only src/store/ import LanceDB and Arrow", () => {
    expect(errorsOf("src/extract/lance.ts").join("\n")).toMatch(/noRestrictedImports: Only src\/store\/ knows LanceDB/);
    expect(errorsOf("src/search/arrow.ts").join("\n")).toMatch(/Only src\/store\/ knows Arrow/);
    expect(errorsOf("src/api/lance.ts").join("\n")).toMatch(/Only src\/store\/ knows LanceDB/);
    expect(errorsOf("src/store/lance.ts")).toEqual([]);
  });

  it("lets only src/api/ import Hono", () => {
    expect(errorsOf("src/classify/hono.ts").join("\n")).toMatch(/Only src\/api\/ knows Hono/);
    expect(errorsOf("src/store/hono.ts").join("\n")).toMatch(/Only src\/api\/ knows Hono/);
    expect(errorsOf("src/api/hono.ts")).toEqual([]);
  });

  it("forbids importing another folder's internal/, from src and from tests", () => {
    expect(errorsOf("src/search/internal-peek.ts").join("\n")).toMatch(/internal\/ is private to its folder/);
    expect(errorsOf("test/peek.test.ts").join("\n")).toMatch(/internal\/ is private to its folder/);
    expect(errorsOf("src/search/own-internal.ts")).toEqual([]);
    expect(errorsOf("src/search/via-index.ts")).toEqual([]);
  });
});
