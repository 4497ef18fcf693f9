// Entry of the thread that extracts and chunks one document. Threads start with no TypeScript
// loader (vitest's and tsx's hooks stay in the parent), so register tsx here first.
import { register } from "tsx/esm/api";

register();
await import("./prepare-thread.ts");
