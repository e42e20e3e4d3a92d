import type { Block, Cell, Rich } from "./document-model.ts";
import {
  drawLine,
  ensureSpace,
  type Frame,
  INK,
  type Line,
  layoutText,
  lineHeight,
  naturalWidth,
  newPage,
  RULE,
  type TextStyle,
  widestWord,
} from "./pdf-text.ts";

type Table = Extract<Block, { type: "table" }>;

const SIZE = 8.5;
const PAD = 4;
/** A multi-line cell is a bulleted list: the bullet hangs in this indent. */
const BULLET_INDENT = 8;
const HEAD_FILL = "#f2f3f6";

/** A laid-out line of a cell, shifted right under a bullet when the cell is a list. */
type CellLine = { line: Line; dx: number; bullet: boolean };

const items = (cell: Cell): readonly Rich[] =>
  typeof cell === "string" || !("lines" in cell) ? [cell] : cell.lines;

function styleOf(bold: boolean): TextStyle {
  return { size: SIZE, bold, color: INK };
}

function layoutCell(doc: PDFKit.PDFDocument, cell: Cell, width: number, bold: boolean): CellLine[] {
  const list = items(cell);
  if (list.length === 1) {
    return layoutText(doc, list[0]!, width, styleOf(bold)).map((line) => ({ line, dx: 0, bullet: false }));
  }
  return list.flatMap((item) =>
    layoutText(doc, item, width - BULLET_INDENT, styleOf(bold)).map((line, i) => ({
      line,
      dx: BULLET_INDENT,
      bullet: i === 0,
    })),
  );
}

/**
 * Column widths: each column wants its text on one line (capped at half the table); when the table is too narrow
 * for that, every column keeps at least its widest word and the rest of the space goes where text is longest.
 */
function columnWidths(doc: PDFKit.PDFDocument, table: Table, width: number): number[] {
  const columns = table.head.map((head, c) => {
    const cells = table.rows.map((row) => row[c] ?? "");
    const bold = (c === 0 && table.rowHeader) || false;
    const extra = (cell: Cell) => (items(cell).length > 1 ? BULLET_INDENT : 0);
    const natural = Math.max(
      naturalWidth(doc, head, styleOf(true)),
      ...cells.flatMap((cell) => items(cell).map((i) => naturalWidth(doc, i, styleOf(bold)) + extra(cell))),
    );
    const word = Math.max(
      widestWord(doc, head, styleOf(true)),
      ...cells.flatMap((cell) => items(cell).map((i) => widestWord(doc, i, styleOf(bold)) + extra(cell))),
    );
    return {
      want: Math.min(natural, width * 0.5) + 2 * PAD,
      min: Math.max(Math.min(word, 110), 24) + 2 * PAD,
    };
  });
  const want = columns.reduce((a, c) => a + c.want, 0);
  const min = columns.reduce((a, c) => a + c.min, 0);
  if (want <= width) return columns.map((c) => (c.want * width) / want);
  if (min >= width) return columns.map((c) => (c.min * width) / min);
  return columns.map((c) => c.min + ((width - min) * (c.want - c.min)) / (want - min));
}

/** Draws the cells' lines from index `from`, `count` lines at most, in a row box of height `height`. */
function drawRow(
  f: Frame,
  cells: CellLine[][],
  widths: number[],
  from: number,
  count: number,
  height: number,
  fill?: string,
): void {
  const { doc } = f;
  let x = f.left;
  cells.forEach((lines, c) => {
    const w = widths[c]!;
    if (fill) doc.rect(x, f.y, w, height).fillColor(fill).fill();
    doc.rect(x, f.y, w, height).lineWidth(0.5).strokeColor(RULE).stroke();
    lines.slice(from, from + count).forEach((l, i) => {
      const y = f.y + PAD + i * lineHeight(styleOf(false));
      if (l.bullet) {
        doc
          .font("regular")
          .fontSize(SIZE)
          .fillColor(INK)
          .text("•", x + PAD, y + 0.06 * SIZE, { lineBreak: false });
      }
      drawLine(doc, l.line, x + PAD + l.dx, y, styleOf(false));
    });
    x += w;
  });
  f.y += height;
}

/**
 * A table with its caption; the column headers are repeated at the top of every page the table runs onto, a row
 * moves to the next page whole when it fits on one, and a row taller than a page is cut between lines.
 */
export function drawTable(f: Frame, table: Table): void {
  const { doc } = f;
  const widths = columnWidths(doc, table, f.width);
  const inner = (c: number) => widths[c]! - 2 * PAD;
  const lh = lineHeight(styleOf(false));
  const head = table.head.map((h, c) => layoutCell(doc, h, inner(c), true));
  const rows = table.rows.map((row) =>
    table.head.map((_, c) => layoutCell(doc, row[c] ?? "", inner(c), c === 0 && table.rowHeader)),
  );
  const heightOf = (cells: CellLine[][], from = 0) =>
    Math.max(1, ...cells.map((l) => l.length - from)) * lh + 2 * PAD;
  const headHeight = heightOf(head);
  const drawHead = () => drawRow(f, head, widths, 0, Number.POSITIVE_INFINITY, headHeight, HEAD_FILL);

  const captionStyle: TextStyle = { size: 9.5, bold: true, color: INK };
  const caption = layoutText(doc, table.caption, f.width, captionStyle);
  const captionHeight = caption.length * lineHeight(captionStyle) + 3;
  ensureSpace(f, captionHeight + headHeight + (rows[0] ? heightOf(rows[0]) : 0));
  for (const line of caption) {
    drawLine(doc, line, f.left, f.y, captionStyle);
    f.y += lineHeight(captionStyle);
  }
  f.y += 3;
  drawHead();
  const roomOnFreshPage = f.bottom - f.top - headHeight;
  for (const row of rows) {
    let from = 0;
    for (;;) {
      const need = heightOf(row, from);
      const room = f.bottom - f.y;
      if (need <= room) {
        drawRow(f, row, widths, from, Number.POSITIVE_INFINITY, need);
        break;
      }
      if (need <= roomOnFreshPage || room < 2 * PAD + 2 * lh) {
        newPage(f);
        drawHead();
        continue;
      }
      const count = Math.floor((room - 2 * PAD) / lh);
      drawRow(f, row, widths, from, count, count * lh + 2 * PAD);
      from += count;
      newPage(f);
      drawHead();
    }
  }
}
