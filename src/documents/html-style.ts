/**
 * The stylesheet of every generated HTML page: readable on screen, and on paper without the navigation, with
 * link targets printed after their text and tables kept whole where they fit. Inline in the page so a
 * document is one self-contained file (and the page's CSP can forbid every other source).
 */
export const HTML_STYLE = `
:root{color-scheme:light;--ink:#1b1b1f;--muted:#55565c;--rule:#c9cad1;--accent:#1f4fa3;--gap:#8a2c0d}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
.skip-link{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip-link:focus{left:1rem}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1rem;color:var(--muted)}
header p{margin:0}
h1{font-size:1.9rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.4rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:1.25rem 0 .4rem}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
nav ol{padding-left:1.25rem}
dl{margin:.5rem 0}
dl div{display:grid;grid-template-columns:minmax(10rem,18rem) 1fr;gap:.25rem 1rem;padding:.35rem 0;border-bottom:1px solid #eee}
dt{font-weight:600}
dd{margin:0}
dd+dd{grid-column:2}
table{border-collapse:collapse;width:100%;margin:.75rem 0}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--rule);padding:.4rem .55rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:#f2f3f6}
td ul,th ul{margin:0;padding-left:1.1rem}
.gap{color:var(--gap);font-style:italic}
footer{margin-top:3rem;padding-bottom:2rem;color:var(--muted);font-size:.9rem;border-top:1px solid var(--rule)}
@media (max-width:40rem){dl div{grid-template-columns:1fr}dd+dd{grid-column:1}}
@media print{
  @page{margin:18mm 16mm}
  body{font-size:10.5pt;line-height:1.4}
  .skip-link,nav{display:none}
  header,main,footer{max-width:none;padding:0}
  h1,h2,h3,h4{break-after:avoid;page-break-after:avoid}
  table,dl div,li{break-inside:avoid;page-break-inside:avoid}
  thead{display:table-header-group}
  a{color:inherit;text-decoration:none}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;color:var(--muted)}
  .gap{color:inherit}
}
`;
