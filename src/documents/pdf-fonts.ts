import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The four faces a document uses: body, strong text and row headers, gaps, gaps inside a row header. */
export type FontFace = "regular" | "bold" | "italic" | "boldItalic";

const FILES: Record<FontFace, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
};

/** A parsed font, as fontkit gives it; pdfkit takes one in place of a file (anything with a `layout` method). */
type ParsedFont = { layout: (text: string) => unknown };

let fonts: Record<FontFace, ParsedFont> | undefined;

/**
 * DejaVu Sans, parsed once per process. The 14 standard PDF fonts only know WinAnsi: "œ", "’" or a narrow no-break
 * space would be lost or mis-extracted, so the TrueType faces are embedded (pdfkit subsets them to the glyphs used,
 * with a ToUnicode map, so copied text stays the text). Handing pdfkit the same parsed fonts for every document
 * saves parsing the tables again and keeps fontkit's glyph caches warm: about half the time of a render.
 */
function parsedFonts(): Record<FontFace, ParsedFont> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    // fontkit as pdfkit itself resolves it: the version pdfkit was built against.
    const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as {
      create: (data: Uint8Array) => ParsedFont;
    };
    const open = (face: FontFace) => fontkit.create(readFileSync(join(dir, FILES[face])));
    fonts = {
      regular: open("regular"),
      bold: open("bold"),
      italic: open("italic"),
      boldItalic: open("boldItalic"),
    };
  }
  return fonts;
}

/** Registers the faces under their FontFace names. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const parsed = parsedFonts();
  for (const face of Object.keys(parsed) as FontFace[]) {
    // @types/pdfkit only lists files and buffers; pdfkit 0.20 also takes a parsed font (PDFFontFactory.open).
    doc.registerFont(face, parsed[face] as unknown as Buffer);
  }
}
