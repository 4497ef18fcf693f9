/** Styles for the report, scoped under `.chm-eval` so the web UI can embed the body as-is. */
export const REPORT_CSS = `
.chm-eval{--fg:#1b1f24;--muted:#555;--line:#d0d7de;--card:#f6f8fa;--accent:#0072B2;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);max-width:1100px;margin:0 auto;padding:16px}
.chm-eval h1{font-size:1.6rem;margin:.2em 0}.chm-eval h2{font-size:1.25rem;margin:1.6em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
.chm-eval .sub{color:var(--muted);margin:0}
.chm-eval .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;padding:0;list-style:none}
.chm-eval .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.chm-eval .card .k{font-size:.82rem;color:var(--muted)}.chm-eval .card .v{font-size:1.5rem;font-weight:600}.chm-eval .card .n{font-size:.8rem;color:var(--muted)}
.chm-eval .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
.chm-eval table{border-collapse:collapse;width:100%;font-size:.9rem}
.chm-eval th,.chm-eval td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
.chm-eval td.r,.chm-eval th.r{text-align:right;font-variant-numeric:tabular-nums}
.chm-eval caption{text-align:left;color:var(--muted);font-size:.85rem;padding:4px 0}
.chm-eval svg.chart{width:100%;height:auto;max-width:640px;display:block}.chm-eval svg.chart-confusion{max-width:900px;min-width:560px}.chm-eval svg.chart-calibration{max-width:440px}
.chm-eval svg .ax,.chm-eval svg .lg{font-size:11px;fill:var(--fg)}.chm-eval svg .val{font-size:9px;fill:var(--fg)}.chm-eval svg .cnt{font-size:11px;font-weight:600}
.chm-eval svg .grid{stroke:#e1e4e8}.chm-eval svg .ideal{stroke:#777;stroke-dasharray:4 3}
.chm-eval svg .cell{stroke:#e1e4e8}.chm-eval svg .diag{stroke:#1b1f24;stroke-width:1.5}
.chm-eval mark{background:#ffe08a;padding:0 1px;border-radius:2px}
.chm-eval .tag{display:inline-block;border-radius:4px;padding:0 5px;font-size:.8rem;border:1px solid var(--line);white-space:nowrap}
.chm-eval .missed{background:#fde2e1}.chm-eval .wrong{background:#fff1cc}
.chm-eval dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}.chm-eval dt{color:var(--muted)}.chm-eval dd{margin:0;overflow-wrap:anywhere}
.chm-eval .note{color:var(--muted);font-size:.85rem}
@media (max-width:600px){.chm-eval{padding:8px;font-size:14px}.chm-eval .card .v{font-size:1.25rem}.chm-eval dl{grid-template-columns:1fr}}
`;
