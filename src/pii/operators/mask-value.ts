/** Masks every letter and digit of `value` but the last `keep` with "*"; spaces and punctuation stay. */
export function maskValue(value: string, keep: number): string {
  let alnum = 0;
  for (const ch of value) if (/[\p{L}\p{N}]/u.test(ch)) alnum++;
  let seen = 0;
  let out = "";
  for (const ch of value) {
    if (/[\p{L}\p{N}]/u.test(ch)) {
      seen++;
      out += seen > alnum - keep ? ch : "*";
    } else out += ch;
  }
  return out;
}
