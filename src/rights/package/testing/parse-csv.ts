/**
 * An RFC 4180 reader for the tests: quoted fields (with "" for a quote, and commas, CR and LF inside), CRLF
 * records, a leading byte order mark. Written apart from the writer, so a test reads the CSV as a spreadsheet
 * would rather than trusting the code that wrote it.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && input[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") throw new Error(`bare line break at ${i}: records end with CRLF`);
    else field += c;
    i++;
  }
  if (field !== "" || row.length) throw new Error("the last record does not end with CRLF");
  return rows;
}
