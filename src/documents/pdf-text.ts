import { isSafeHref, type Rich } from "./document-model.ts";
import type { FontFace } from "./pdf-fonts.ts";

/**
 * Gardien lays text out itself instead of using pdfkit's flowing `text()`: a table cell mixes faces (bold, gap
 * italics, links), and pdfkit can only measure a single-face string, so a cell's height, and with it where a table
 * breaks across pages, would be guessed. Here every word is measured in its own face, lines are built once, and
 * the same lines are then measured and drawn.
 */

export const INK = "#1b1b1f";
export const MUTED = "#55565c";
export const ACCENT = "#1f4fa3";
export const RULE = "#c9cad1";
const GAP_COLOR = "#8a2c0d";

/** DejaVu Sans: ascender 0.928 em; text is drawn that far below the top of its line box, plus half the leading. */
const ASCENT = 0.928;
const LEADING = 1.32;

/** Where the content goes on the current page, and how far down it has got. */
export type Frame = {
  doc: PDFKit.PDFDocument;
  left: number;
  width: number;
  top: number;
  bottom: number;
  y: number;
};

export function newPage(f: Frame): void {
  f.doc.addPage();
  f.y = f.top;
}

/** Starts a new page unless `height` still fits (or the page is empty: nothing would be gained). */
export function ensureSpace(f: Frame, height: number): void {
  if (f.y + height > f.bottom && f.y > f.top) newPage(f);
}

export type TextStyle = { size: number; bold?: boolean; color?: string };

type Piece = { text: string; face: FontFace; link?: string; gap?: boolean };
/** A piece placed on a line: `width` includes a trailing space, `inkWidth` (underline, link area) does not. */
type Run = Piece & { x: number; width: number; inkWidth: number };
export type Line = { runs: Run[]; width: number };

export function lineHeight(style: TextStyle): number {
  return style.size * LEADING;
}

/** Word widths at size 1, shared by every document: shaping a word with fontkit is the costly part of a render. */
const widths = new Map<string, number>();
const MAX_CACHED_WIDTHS = 50_000;

function measure(doc: PDFKit.PDFDocument, text: string, face: FontFace, size: number): number {
  const key = `${face}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size >= MAX_CACHED_WIDTHS) widths.clear();
    width = doc.font(face).fontSize(1).widthOfString(text);
    widths.set(key, width);
  }
  return width * size;
}

/** Words (runs of non-blank text, possibly in several faces: "Julie Desk’s" with a link then "."), in order. */
function words(text: Rich, bold: boolean): Piece[][] {
  const base: FontFace = bold ? "bold" : "regular";
  const out: Piece[][] = [];
  let word: Piece[] = [];
  const add = (raw: string, piece: Omit<Piece, "text">) => {
    // No-break spaces (French "Contact :") are not break opportunities: they stay inside the word.
    for (const part of raw.split(/([ \t\r\n]+)/)) {
      if (!part) continue;
      if (/^[ \t\r\n]+$/.test(part)) {
        if (word.length) out.push(word);
        word = [];
      } else word.push({ ...piece, text: part });
    }
  };
  for (const span of typeof text === "string" ? [text] : text) {
    if (typeof span === "string") add(span, { face: base });
    else if ("link" in span) {
      // Checked again here: a document model built elsewhere must not smuggle a javascript: URI into an annotation.
      add(span.text, isSafeHref(span.link) ? { face: base, link: span.link } : { face: base });
    } else if ("strong" in span) add(span.strong, { face: "bold" });
    else add(span.gap, { face: bold ? "boldItalic" : "italic", gap: true });
  }
  if (word.length) out.push(word);
  return out;
}

const sameStyle = (a: Piece, b: Piece) => a.face === b.face && a.link === b.link && a.gap === b.gap;

function append(line: Line, piece: Piece, width: number, space: number): void {
  const last = line.runs.at(-1);
  if (last && sameStyle(last, piece)) {
    last.text += (space ? " " : "") + piece.text;
    last.width += space + width;
    last.inkWidth = last.width;
  } else {
    if (last && space) {
      last.text += " ";
      last.width += space;
    }
    line.runs.push({ ...piece, x: line.width + space, width, inkWidth: width });
  }
  line.width += space + width;
}

/** Breaks inline text into lines no wider than `width`; a word longer than a line is cut between characters. */
export function layoutText(doc: PDFKit.PDFDocument, text: Rich, width: number, style: TextStyle): Line[] {
  const lines: Line[] = [];
  let line: Line = { runs: [], width: 0 };
  const size = style.size;
  for (const word of words(text, style.bold === true)) {
    const widths = word.map((p) => measure(doc, p.text, p.face, size));
    const total = widths.reduce((a, b) => a + b, 0);
    const last = line.runs.at(-1);
    if (last) {
      const space = measure(doc, " ", last.face, size);
      if (line.width + space + total <= width + 0.01) {
        word.forEach((p, i) => {
          append(line, p, widths[i]!, i === 0 ? space : 0);
        });
        continue;
      }
      lines.push(line);
      line = { runs: [], width: 0 };
    }
    if (total <= width) {
      word.forEach((p, i) => {
        append(line, p, widths[i]!, 0);
      });
      continue;
    }
    for (const p of word) {
      for (const ch of p.text) {
        const w = measure(doc, ch, p.face, size);
        if (line.runs.length && line.width + w > width) {
          lines.push(line);
          line = { runs: [], width: 0 };
        }
        append(line, { ...p, text: ch }, w, 0);
      }
    }
  }
  if (line.runs.length) lines.push(line);
  return lines;
}

/** The width of the text on one line: what a table column would need not to wrap it. */
export function naturalWidth(doc: PDFKit.PDFDocument, text: Rich, style: TextStyle): number {
  return layoutText(doc, text, Number.POSITIVE_INFINITY, style)[0]?.width ?? 0;
}

/** The widest single word: below this a column cuts words. */
export function widestWord(doc: PDFKit.PDFDocument, text: Rich, style: TextStyle): number {
  let widest = 0;
  for (const word of words(text, style.bold === true)) {
    widest = Math.max(
      widest,
      word.reduce((a, p) => a + measure(doc, p.text, p.face, style.size), 0),
    );
  }
  return widest;
}

/** Draws one line with the top of its line box at `y`; links get an underline and a URI link annotation. */
export function drawLine(doc: PDFKit.PDFDocument, line: Line, x: number, y: number, style: TextStyle): void {
  const lh = lineHeight(style);
  const textTop = y + (lh - style.size * 1.164) / 2;
  for (const run of line.runs) {
    const color = run.link ? ACCENT : run.gap ? GAP_COLOR : (style.color ?? INK);
    doc
      .font(run.face)
      .fontSize(style.size)
      .fillColor(color)
      .text(run.text, x + run.x, textTop, { lineBreak: false });
    if (run.link) {
      const underline = textTop + style.size * (ASCENT + 0.11);
      doc
        .moveTo(x + run.x, underline)
        .lineTo(x + run.x + run.inkWidth, underline)
        .lineWidth(0.5)
        .strokeColor(ACCENT)
        .stroke();
      doc.link(x + run.x, y, run.inkWidth, lh, run.link);
    }
  }
}

/**
 * Lays out and draws inline text across pages from the frame's cursor. A block of three lines or fewer is kept
 * on one page; a longer one breaks between lines.
 */
export function flowText(f: Frame, text: Rich, style: TextStyle, indent = 0): void {
  const lines = layoutText(f.doc, text, f.width - indent, style);
  const lh = lineHeight(style);
  ensureSpace(f, lh * Math.min(lines.length, lines.length <= 3 ? 3 : 2));
  for (const line of lines) {
    ensureSpace(f, lh);
    drawLine(f.doc, line, f.left + indent, f.y, style);
    f.y += lh;
  }
}
