/**
 * An address shown on a page reached by a link, masked so that a forwarded link or a screen seen over a
 * shoulder does not give it away, yet its owner recognises it: `j•••@e•••.org`.
 *
 * @example maskEmail("jeanne.martin@example.org") // "j•••@e•••.org"
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${[...local][0] ?? ""}•••@${[...host][0] ?? ""}•••${tld}`;
}
