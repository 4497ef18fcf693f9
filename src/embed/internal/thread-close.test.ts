// Closing the encoder while a thread is inside onnxruntime's run used to abort the whole process
// ("terminate called after throwing an instance of 'Napi::Error'"): the full suite lost
// test/limits.test.ts that way, its job timeout leaving a batch running when the test closed it.
import { expect, it } from "vitest";
import { createEmbedder } from "../index.ts";

it("closes while a thread is mid-batch without taking the process down", { timeout: 120_000 }, async () => {
  for (let round = 0; round < 2; round++) {
    const embedder = await createEmbedder({ backend: "use", modelsDir: "", model: "", batchSize: 64, threads: 1 });
    const texts = Array.from({ length: 256 }, (_, i) => `${"wetland restoration and river basins ".repeat(40)}${i}`);
    const outcome = embedder.embed(texts, "passage").then(
      () => "finished",
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 150 + round * 150));
    await embedder.close?.();
    expect(await outcome).toMatchObject({ code: "model_unavailable" });
  }
  // Native callbacks of an interrupted run land after close(); the process must still be here.
  await new Promise((r) => setTimeout(r, 1_000));
  expect(process.exitCode ?? 0).toBe(0);
});

it("closes the in-process model while a batch runs, then refuses new work", { timeout: 60_000 }, async () => {
  const embedder = await createEmbedder({ backend: "use", modelsDir: "", model: "", batchSize: 64, threads: 0 });
  const texts = Array.from({ length: 128 }, (_, i) => `${"coral reef fisheries ".repeat(60)}${i}`);
  const outcome = embedder.embed(texts, "passage").then(
    (v) => v.length,
    (e: unknown) => e,
  );
  await new Promise((r) => setTimeout(r, 100));
  await embedder.close?.();
  await outcome;
  await expect(embedder.embed(["after close"], "passage")).rejects.toMatchObject({ code: "model_unavailable" });
  await new Promise((r) => setTimeout(r, 500));
});
