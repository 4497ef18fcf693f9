import { serve } from "@hono/node-server";
import type { ApiApp } from "./types.ts";

/** A listening HTTP server for the API; `close` stops accepting and resolves once open requests end. */
export interface HttpServer {
  close(): Promise<void>;
}

/** Serves the API on a port; `onListening` gets the bound address (port 0 picks a free one). */
export function serveApi(
  app: ApiApp,
  options: { port: number; hostname: string },
  onListening?: (info: { address: string; port: number }) => void,
): HttpServer {
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, onListening);
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
