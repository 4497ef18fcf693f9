import { defineConfig } from "vitest/config";

/** Files that measure the event loop's responsiveness: they run alone, after the rest (vitest.serial.config.ts). */
export const SERIAL_FILES = ["test/responsive.test.ts"];

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...SERIAL_FILES],
    // LanceDB, tfjs and onnxruntime hold native state: forks isolate them per file.
    pool: "forks",
    // Vitest's default on 2 cores is one fork (cores - 1), so the files ran one after another while
    // most of them wait on disk, sockets, Redis, child processes or the browser much of the time.
    maxWorkers: 2,
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
