import PDFDocument from "pdfkit";
import type { Block, DocumentKind, GardienDocument, Lang, Rich, Section } from "./document-model.ts";
import { formatDate } from "./format-date.ts";
import { labelsFor } from "./labels.ts";
import { registerFonts } from "./pdf-fonts.ts";
import { drawTable } from "./pdf-table.ts";
import {
  drawLine,
  ensureSpace,
  type Frame,
  flowText,
  INK,
  layoutText,
  lineHeight,
  MUTED,
  RULE,
  type TextStyle,
} from "./pdf-text.ts";

export type RenderPdfOptions = {
  /** The language of the page furniture ("Page 1 / 3"); defaults to the document's. */
  lang?: Lang;
  /** Shown in the running header and as the PDF's Author; defaults to the document's organisation. */
  organisationName?: string;
};

const PDF_LABELS = {
  fr: {
    page: (n: number, total: number) => `Page ${n} / ${total}`,
    subject: {
      register: "Registre des activités de traitement (article 30 du RGPD)",
      sheet: "Fiches du registre des activités de traitement (article 30 du RGPD)",
      "processor-register":
        "Registre des catégories d'activités de traitement effectuées pour le compte de responsables (article 30.2 du RGPD)",
      privacy: "Politique de confidentialité (articles 13 et 14 du RGPD)",
      notice: "Mention d'information (articles 13 et 14 du RGPD)",
    } satisfies Record<DocumentKind, string>,
  },
  en: {
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    subject: {
      register: "Record of processing activities (GDPR Article 30)",
      sheet: "Sheets of the record of processing activities (GDPR Article 30)",
      "processor-register":
        "Record of categories of processing activities carried out on behalf of controllers (GDPR Article 30(2))",
      privacy: "Privacy policy (GDPR Articles 13 and 14)",
      notice: "Information notice (GDPR Articles 13 and 14)",
    } satisfies Record<DocumentKind, string>,
  },
};

// A4 in points; the header and footer live in the top and bottom margins.
const MARGIN = { top: 72, bottom: 64, left: 56, right: 56 };
const BODY: TextStyle = { size: 10, color: INK };
const HEADING_COLOR = "#16325c";
/** h2, h3, h4: size and space above. */
const HEADINGS = [
  { size: 14.5, before: 16 },
  { size: 12, before: 12 },
  { size: 10.5, before: 9 },
];
const LIST_INDENT = 14;

function drawBlock(f: Frame, block: Block, colon: string): void {
  switch (block.type) {
    case "paragraph":
      flowText(f, block.text, BODY);
      f.y += 5;
      return;
    case "list":
      block.items.forEach((item, i) => {
        drawItem(f, block.ordered ? `${i + 1}.` : "•", item, 0);
      });
      f.y += 4;
      return;
    case "definitions":
      for (const item of block.items) {
        const term: TextStyle = { ...BODY, bold: true };
        ensureSpace(f, lineHeight(term) + 2 * lineHeight(BODY));
        // A question ("Des données sensibles sont-elles traitées ?") takes its answer without a colon.
        const sep = /[?:]$/.test(item.term) ? "" : colon.trimEnd();
        flowText(f, `${item.term}${sep}`, term);
        if (item.details.length === 1) flowText(f, item.details[0]!, BODY, LIST_INDENT);
        else for (const detail of item.details) drawItem(f, "•", detail, LIST_INDENT);
        f.y += 3;
      }
      f.y += 3;
      return;
    case "table":
      drawTable(f, block);
      f.y += 10;
      return;
  }
}

/** A list item: the marker hangs left of the text, wrapped lines align with the first. */
function drawItem(f: Frame, marker: string, text: Rich, indent: number): void {
  const lh = lineHeight(BODY);
  const lines = layoutText(f.doc, text, f.width - indent - LIST_INDENT, BODY);
  ensureSpace(f, lh * Math.min(lines.length, 2));
  f.doc
    .font("regular")
    .fontSize(BODY.size)
    .fillColor(INK)
    .text(marker, f.left + indent + 2, f.y + 0.08 * BODY.size, { lineBreak: false });
  for (const line of lines) {
    ensureSpace(f, lh);
    drawLine(f.doc, line, f.left + indent + LIST_INDENT, f.y, BODY);
    f.y += lh;
  }
  f.y += 2;
}

/** The height of the start of a section's content, which its heading must not be parted from. */
function leadHeight(s: Section): number {
  const first = s.blocks[0];
  const child = s.sections[0];
  // A table moves whole to the next page when its caption, head and first row do not fit.
  if (first?.type === "table") return 110;
  if (!first && child) return 30 + leadHeight(child);
  return 4 * lineHeight(BODY);
}

type Outline = ReturnType<PDFKit.PDFDocument["outline"]["addItem"]>;

function drawSection(f: Frame, s: Section, depth: number, parent: Outline, colon: string): void {
  const h = HEADINGS[Math.min(depth, HEADINGS.length) - 1]!;
  const style: TextStyle = { size: h.size, bold: true, color: HEADING_COLOR };
  const lines = layoutText(f.doc, s.title, f.width, style);
  const height = lines.length * lineHeight(style);
  f.y += h.before;
  // Keep a heading with the first lines of what it introduces.
  ensureSpace(f, height + leadHeight(s));
  // pdfkit computes the destination's left as page width minus `left`: passing the width puts it at 0.
  const dest = { top: f.y, left: f.doc.page.width, expanded: depth === 1 };
  const item = parent.addItem(s.title, dest);
  for (const line of lines) {
    drawLine(f.doc, line, f.left, f.y, style);
    f.y += lineHeight(style);
  }
  if (depth === 1) {
    f.doc
      .moveTo(f.left, f.y + 1)
      .lineTo(f.left + f.width, f.y + 1)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
    f.y += 3;
  }
  f.y += 5;
  for (const b of s.blocks) drawBlock(f, b, colon);
  for (const child of s.sections) drawSection(f, child, depth + 1, item, colon);
}

/** Cuts text with "…" so that it fits `width` in the current font. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** The running header (organisation, title) and the "Page n / N" footer, once every page exists. */
function drawPageFurniture(pdf: PDFKit.PDFDocument, org: string, title: string, lang: Lang): void {
  const { count } = pdf.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    pdf.switchToPage(i);
    const width = pdf.page.width - MARGIN.left - MARGIN.right;
    const right = pdf.page.width - MARGIN.right;
    pdf.font("regular").fontSize(8).fillColor(MUTED);
    const orgText = fit(pdf, org, width * 0.45);
    pdf.text(orgText, MARGIN.left, 36, { lineBreak: false });
    const titleText = fit(pdf, title, width * 0.5);
    pdf.text(titleText, right - pdf.widthOfString(titleText), 36, { lineBreak: false });
    pdf.moveTo(MARGIN.left, 50).lineTo(right, 50).lineWidth(0.5).strokeColor(RULE).stroke();
    const page = PDF_LABELS[lang].page(i + 1, count);
    const y = pdf.page.height - MARGIN.bottom + 26;
    pdf.text(page, (pdf.page.width - pdf.widthOfString(page)) / 2, y, { lineBreak: false });
  }
}

/**
 * A document as an A4 PDF: DejaVu Sans embedded (French accents, "œ", "’" and « » extract as typed), a running
 * header and "Page n / N" footer, headings with bookmarks, tables whose column headers repeat on every page,
 * links as URI annotations (http, https and mailto only: never a JavaScript action), gaps in italics.
 * Deterministic: the creation date (which also seeds the file ID) is the register's last update, so the same
 * register gives the same bytes; a document without that date carries the time it was rendered.
 *
 * @example (await renderPdf(buildPrivacyPolicy(register, { lang: "fr" }))).subarray(0, 5).toString() // "%PDF-"
 */
export async function renderPdf(doc: GardienDocument, options: RenderPdfOptions = {}): Promise<Buffer> {
  const lang = options.lang ?? doc.lang;
  const org = options.organisationName ?? doc.organisation.name;
  // Without a register date there is no stable date to give, and the file says when it was made.
  const date = doc.registerUpdatedOn ? new Date(`${doc.registerUpdatedOn}T00:00:00Z`) : new Date();
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    pdfVersion: "1.7",
    lang,
    displayTitle: true,
    info: {
      Title: doc.title,
      Author: org,
      Subject: PDF_LABELS[lang].subject[doc.kind],
      Creator: "Gardien",
      Producer: "Gardien (PDFKit)",
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on("end", resolve);
    pdf.on("error", reject);
  });
  registerFonts(pdf);

  const f: Frame = {
    doc: pdf,
    left: MARGIN.left,
    width: pdf.page.width - MARGIN.left - MARGIN.right,
    top: MARGIN.top,
    bottom: pdf.page.height - MARGIN.bottom,
    y: MARGIN.top,
  };
  const l = labelsFor(doc.lang);
  flowText(f, doc.title, { size: 20, bold: true, color: HEADING_COLOR });
  f.y += 2;
  flowText(f, org, { size: 11, color: MUTED });
  f.y += 10;
  for (const b of doc.blocks) drawBlock(f, b, l.colon);
  for (const s of doc.sections) drawSection(f, s, 1, pdf.outline, l.colon);

  const updated = doc.registerUpdatedOn ? formatDate(doc.registerUpdatedOn, doc.lang) : undefined;
  f.y += 14;
  ensureSpace(f, 30);
  pdf
    .moveTo(f.left, f.y)
    .lineTo(f.left + f.width, f.y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  f.y += 6;
  flowText(f, l.footer(updated), { size: 8.5, color: MUTED });

  drawPageFurniture(pdf, org, doc.title, lang);
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}
