import { pino, type Logger as PinoLogger } from "pino";
import type { Config } from "./config.ts";

/** Structured JSON logger (pino). Components take it as a dependency, never import a global one. */
export type Logger = PinoLogger;

/**
 * Creates the process logger. `fd` 1 (stdout) for the server; the CLI passes 2 so logs never mix
 * with command output.
 */
export function createLogger(level: Config["LOG_LEVEL"], fd: 1 | 2 = 1): Logger {
  return pino({ level, base: { app: "chm-lens" } }, pino.destination({ fd, sync: true }));
}
