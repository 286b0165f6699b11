import { escapeHtml } from './html.js';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'";

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1a1a;background:#fafafa;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:1.5em}h2{border-bottom:2px solid #3465a4;padding-bottom:4px;margin-top:32px}
table{border-collapse:collapse;width:100%;margin:12px 0;font-size:.92em;background:#fff}th,td{border:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f0f3f8}td.num{text-align:right;font-variant-numeric:tabular-nums}.fail{color:#b3261e}.pass{color:#137333}.meta{color:#555;font-size:.9em}
figure{margin:12px 0;background:#fff;border:1px solid #ddd;padding:8px}`;

/** A self-contained page for the smaller reports (comparison, trend): same policy as the run report. */
export function htmlPage(lang: 'fr' | 'en', title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>
`;
}
