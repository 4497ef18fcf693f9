import { defineConfig, mergeConfig } from "vitest/config";
import base, { SERIAL_FILES } from "./vitest.config.ts";

// The responsiveness test times /health stalls, so nothing else may share the cores with it.
export default mergeConfig(base, defineConfig({ test: { include: SERIAL_FILES, exclude: [], maxWorkers: 1 } }));
