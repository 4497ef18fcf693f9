/**
 * The Content-Security-Policy of chm-lens's own pages: scripts, styles and data only from this
 * host, `data:` images, no plugins, no framing, no base-URI or form redirection. `inlineStyles`
 * allows style attributes for third-party pages that set them (Swagger UI on `/docs`).
 */
export function ownPagesCsp(opts: { inlineStyles?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    opts.inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
