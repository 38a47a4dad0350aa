// What a mailto: link in an article may hand to the person's mail program: the address, and the
// to, cc, subject and body fields, which the person sees in the message before sending it. Every
// other field goes: attach and attachment make some mail programs attach a file from the disk
// (~/.ssh/id_rsa), bcc sends a copy the person may not notice, and fields no standard names are
// read differently by each program. Written here rather than with URLSearchParams, which would
// re-encode the kept fields (a "+" in a mailto body is a plus sign, not a space).
const KEPT_FIELDS = new Set(['to', 'cc', 'subject', 'body']);

function fieldName(pair: string): string | null {
  try {
    return decodeURIComponent(pair.split('=')[0] ?? '').trim().toLowerCase();
  } catch {
    return null;
  }
}

/** The link with only the kept fields, as written; anything that is not a mailto: link, unchanged. */
export function mailtoWithKeptFields(href: string): string {
  const match = /^(mailto:[^?#]*)(?:\?([^#]*))?(?:#.*)?$/isu.exec(href.trim());
  if (match === null) return href;
  const kept = (match[2] ?? '').split('&').filter((pair) => KEPT_FIELDS.has(fieldName(pair) ?? ''));
  return kept.length === 0 ? (match[1] ?? '') : `${match[1] ?? ''}?${kept.join('&')}`;
}
