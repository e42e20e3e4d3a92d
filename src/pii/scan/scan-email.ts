import { at, F_LETTER, F_WORD, FLAGS } from "./char-class.ts";
import { scanMention } from "./scan-handle.ts";
import { emit, type Scan } from "./scan-state.ts";

function isLocalChar(c: number): boolean {
  return (FLAGS[c]! & F_WORD) !== 0 || c === 46 || c === 95 || c === 45 || c === 43 || c === 37;
}

/**
 * File types that are no top-level domain: "logo@2x.png", "icon@3x.webp" name an image's resolutions.
 * (".zip" and ".mov" are domains too, so they stay addresses.)
 */
const FILE_EXTENSION =
  /^(?:png|jpe?g|gif|svg|webp|bmp|ico|tiff?|heic|avif|pdf|docx?|xlsx?|pptx?|csv|txt|json|ya?ml|xml|html?|css|m?js|scss|mp3|mp4|wav)$/i;

/**
 * At an "@": the local part is read backwards (the main loop has already passed it), the domain forwards;
 * the domain needs a dot and a top-level label of letters. An entity found inside the local part
 * ("Jean.Dupont@…" read as a name) is replaced by the address.
 */
export function scanEmail(scan: Scan, sign: number): number {
  const text = scan.text;
  const n = text.length;
  let j = sign - 1;
  while (j >= 0 && sign - j <= 64 && isLocalChar(at(text, j))) j--;
  let start = j + 1;
  while (start < sign && at(text, start) === 46) start++;
  // Nothing before the "@": a mention, which may name someone.
  if (start === sign) return j === sign - 1 ? scanMention(scan, sign) : sign + 1;
  let i = sign + 1;
  let labelStart = i;
  let lastDot = -1;
  while (i < n) {
    const c = at(text, i);
    if (FLAGS[c]! & F_WORD || (c === 45 && i > labelStart)) i++;
    else if (c === 46 && i > labelStart && i + 1 < n && FLAGS[at(text, i + 1)]! & F_WORD) {
      lastDot = i;
      i++;
      labelStart = i;
    } else break;
  }
  while (i > sign + 1 && at(text, i - 1) === 45) i--;
  if (lastDot < 0 || i - lastDot - 1 < 2) return sign + 1;
  for (let k = lastDot + 1; k < i; k++) if (!(FLAGS[at(text, k)]! & F_LETTER)) return sign + 1;
  if (i - lastDot <= 5 && FILE_EXTENSION.test(text.slice(lastDot + 1, i))) return sign + 1;
  emit(scan, "EMAIL", start, i, 0.99);
  return i;
}
