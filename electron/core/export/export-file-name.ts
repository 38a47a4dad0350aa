// A file name a person would recognise, safe on every desktop file system.
export function exportFileName(title: string, extension: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80)
    .toLowerCase();
  return `${stem || 'margin-notes'}.${extension}`;
}
