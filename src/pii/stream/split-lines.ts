/**
 * Pushes each complete line of `text` onto `lines` (without its break) and returns where the unfinished
 * rest starts: `text.length` when the text ends with a break. Lines end at "\n", "\r\n" or a lone "\r", as
 * with readline; a "\r" that ends the text counts as a break, and the caller skips a "\n" that opens the
 * next text. Text without "\r" (nearly all of it) is cut with `indexOf`, not read character by character.
 */
export function splitLines(text: string, lines: string[]): number {
  let start = 0;
  if (text.indexOf("\r") < 0) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", start)) {
      lines.push(text.slice(start, i));
      start = i + 1;
    }
    return start;
  }
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push(text.slice(start, i));
    if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return start;
}
