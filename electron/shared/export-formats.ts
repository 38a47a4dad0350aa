// The export formats as a person sees them: the Export dialog lists their full names, the File
// menu their short ones. One table, so the menu never names a format the dialog lacks.
import type { ExportFormatName } from './contract';

const NAMES = {
  markdown: { label: 'Markdown (Obsidian)', short: 'Markdown' },
  csv: { label: 'Readwise CSV', short: 'Readwise CSV' },
  jsonld: { label: 'W3C Web Annotation (JSON-LD)', short: 'JSON-LD' },
  html: { label: 'Annotated HTML page', short: 'HTML' },
  json: { label: 'Margin JSON', short: 'Margin JSON' },
} as const satisfies Record<ExportFormatName, { label: string; short: string }>;

export const EXPORT_FORMATS: readonly { value: ExportFormatName; label: string; short: string }[] = (Object.keys(NAMES) as ExportFormatName[]).map((value) => ({ value, ...NAMES[value] }));

/** "Markdown, Readwise CSV, …": what the File menu's export items say they write. */
export const EXPORT_MENU_FORMATS = EXPORT_FORMATS.map((format) => format.short).join(', ');
