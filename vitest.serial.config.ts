import { defineConfig } from "vitest/config";
import base, { SERIAL_FILES } from "./vitest.config.ts";

// The responsiveness test times /health stalls, so nothing else may share the cores with it.
// Spelled out rather than mergeConfig'd: mergeConfig concatenates include/exclude, which ran the
// whole suite a second time with the serial file still excluded.
export default defineConfig({
  test: { ...base.test, include: SERIAL_FILES, exclude: ["**/node_modules/**"], maxWorkers: 1 },
});
