import type { GardienDocument } from "../documents/document-model.ts";
import { formatDate } from "../documents/format-date.ts";
import { HTML_STYLE } from "../documents/html-style.ts";
import { labelsFor } from "../documents/labels.ts";
import { escapeHtml, renderHtmlBody } from "../documents/render-html.ts";
import type { Lang } from "./negotiate-language.ts";
import type { PublicPage } from "./public-documents.ts";

/** Additions to the documents' stylesheet for the site around them: navigation bar, version line, forms. */
export const PUBLIC_STYLE = `
.site{display:grid;grid-template-columns:1fr auto;align-items:baseline;gap:.4rem 1.5rem;padding-top:1rem;padding-bottom:.6rem;border-bottom:1px solid var(--rule)}
.site .org{font-weight:700;font-size:1.1rem;color:var(--ink)}
.site nav{grid-column:1/-1;grid-row:2}
.site nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0}
.site nav a[aria-current]{font-weight:600;text-decoration:none;color:var(--ink)}
.lang{margin:0}
.version{margin:1rem 0 0;color:var(--muted);font-size:.92rem}
.note{background:#f2f3f6;border-left:4px solid var(--accent);padding:.6rem .9rem;margin:1rem 0}
.sheets ul{columns:2 18rem}
form p{margin:.9rem 0}
label{display:block;font-weight:600;margin-bottom:.25rem}
input[type=email]{font:inherit;padding:.45rem .6rem;width:100%;max-width:26rem;border:1px solid var(--muted);border-radius:4px}
fieldset{border:1px solid var(--rule);border-radius:4px;padding:.5rem .9rem}
fieldset label{display:inline;font-weight:400;margin-right:1rem}
button{font:inherit;padding:.5rem 1.1rem;border:0;border-radius:4px;background:var(--accent);color:#fff;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
@media print{.site nav,.lang,.sheets{display:none}}
`;

const NAV: Record<Lang, Record<Exclude<PublicPage, "activity"> | "subscribe", string>> = {
  fr: {
    register: "Registre des traitements",
    privacy: "Politique de confidentialité",
    notice: "Mentions d'information",
    "processor-register": "Registre des sous-traitants",
    subscribe: "Être prévenu des changements",
  },
  en: {
    register: "Register of processing",
    privacy: "Privacy policy",
    notice: "Information notices",
    "processor-register": "Processor register",
    subscribe: "Get notified of changes",
  },
};

export type SiteContext = {
  slug: string;
  orgName: string;
  lang: Lang;
  /** What the page is, for aria-current and the language link. */
  current: PublicPage | "subscribe" | "other";
  /** Path of this page without query, for the language link. */
  path: string;
  hasProcessorRegister: boolean;
};

function navigation(site: SiteContext): string {
  const pages = [
    "register",
    "privacy",
    "notice",
    ...(site.hasProcessorRegister ? ["processor-register"] : []),
    "subscribe",
  ] as const;
  const items = pages.map((p) => {
    const current = p === site.current ? ' aria-current="page"' : "";
    return `<li><a href="/o/${site.slug}/${p}?lang=${site.lang}"${current}>${escapeHtml(NAV[site.lang][p as keyof (typeof NAV)["fr"]])}</a></li>`;
  });
  const other = site.lang === "fr" ? "en" : "fr";
  const label = other === "fr" ? "Français" : "English";
  return `<nav aria-label="${site.lang === "fr" ? "Documents publiés" : "Published documents"}"><ul>${items.join("")}</ul></nav>
<p class="lang"><a href="${escapeHtml(site.path)}?lang=${other}" hreflang="${other}" lang="${other}">${label}</a></p>`;
}

/** A whole page of the public site: the documents' own stylesheet, a header with the site's links, the content. */
export function sitePage(site: SiteContext, input: { title: string; main: string; footer?: string }): string {
  const l = labelsFor(site.lang);
  const org = escapeHtml(site.orgName);
  return `<!DOCTYPE html>
<html lang="${site.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Gardien">
<title>${escapeHtml(input.title)} — ${org}</title>
<style>${HTML_STYLE}${PUBLIC_STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(l.skipLink)}</a>
<header class="site">
<p class="org">${org}</p>
${navigation(site)}
</header>
<main id="main">
${input.main}</main>
<footer><p>${escapeHtml(input.footer ?? l.footer())}</p></footer>
</body>
</html>
`;
}

/**
 * Sections named by their heading are landmarks (regions), and axe requires landmarks to have unique names; a
 * register repeats sub-headings per activity ("Finalités" under each), so only top-level sections keep their
 * name. Should the documents' renderer adopt the same rule, this becomes a no-op.
 */
export function unlabelNestedSections(html: string): string {
  return html.replace(/<section aria-labelledby="([^"]+)">\n<h([3-6]) id="\1">/g, '<section>\n<h$2 id="$1">');
}

/** A published document as a page: version line, the document, and on the register the links to each activity's sheet. */
export function publicDocumentHtml(
  site: SiteContext,
  doc: GardienDocument,
  input: {
    number: number;
    publishedAt: string;
    isVersion: boolean;
    activities: ReadonlyArray<{ ref: string; name: string }>;
  },
): string {
  const fr = site.lang === "fr";
  const date = formatDate(input.publishedAt.slice(0, 10), site.lang);
  const latestPath = site.path.replace(/\/versions\/\d+$/, "");
  const version = input.isVersion
    ? `<p class="version note">${fr ? `Version archivée n° ${input.number}, publiée le ${date}.` : `Archived version ${input.number}, published on ${date}.`} <a href="${escapeHtml(latestPath)}?lang=${site.lang}">${fr ? "Voir la version en vigueur" : "See the current version"}</a></p>\n`
    : `<p class="version">${fr ? `Version n° ${input.number}, publiée le ${date}.` : `Version ${input.number}, published on ${date}.`}</p>\n`;
  let sheets = "";
  if (site.current === "register" && input.activities.length > 0) {
    const base = input.isVersion ? `/versions/${input.number}` : "";
    const items = input.activities
      .map(
        (a) =>
          `<li><a href="/o/${site.slug}/activities/${escapeHtml(a.ref)}${base}?lang=${site.lang}">${escapeHtml(a.name)}</a></li>`,
      )
      .join("");
    sheets = `<section class="sheets" aria-labelledby="sheets"><h2 id="sheets">${fr ? "Fiches détaillées des activités" : "Detailed activity sheets"}</h2><ul>${items}</ul></section>\n`;
  }
  const updated = doc.registerUpdatedOn ? formatDate(doc.registerUpdatedOn, site.lang) : undefined;
  return sitePage(site, {
    title: doc.title,
    main: `${version}<article>\n${unlabelNestedSections(renderHtmlBody(doc))}</article>\n${sheets}`,
    footer: labelsFor(site.lang).footer(updated),
  });
}
