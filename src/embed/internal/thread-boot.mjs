// Entry of an embedding worker thread. Threads start with no TypeScript loader (vitest's and
// tsx's hooks stay in the parent), so register tsx here and load the TypeScript side of the thread.
import { register } from "tsx/esm/api";

register();
await import("./embed-thread.ts");
