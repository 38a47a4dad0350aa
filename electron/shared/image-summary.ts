// What an import did with a page's images, in a form every side can read: the importers fill it,
// the app and the CLI turn it into the one sentence a person sees ("2 images could not be saved
// (offline import of a local file)."), never one line per image.

/** Why an image could not be kept, each read as "could not be saved (…)". */
export const IMAGE_MISS_REASONS = {
  'not-fetched': 'offline import of a local file',
  'plain-http': 'offered only over plain http',
  missing: 'not found on disk',
  'outside-folder': "outside the saved page's folder",
  'download-failed': 'could not be downloaded',
  'private-address': 'an address on this computer or its local network',
  'too-slow': 'took too long',
  'not-usable': 'not a picture Margin can keep',
  'no-source': 'no address',
  'not-allowed': 'an address Margin does not follow',
  'not-stored': 'no library to store them in',
} as const;

export type ImageMissReason = keyof typeof IMAGE_MISS_REASONS;

export interface ImageSummary {
  saved: number;
  missed: number;
  /** One short reason per missed image, e.g. "photo.jpg: not found". */
  problems: string[];
  /** The missed images counted by why. */
  reasons: Partial<Record<ImageMissReason, number>>;
  /** Images the page named over plain http that were fetched over https instead. */
  upgraded: number;
}

export const NO_IMAGES: ImageSummary = { saved: 0, missed: 0, problems: [], reasons: {}, upgraded: 0 };

export function addImageSummaries(a: ImageSummary, b: ImageSummary): ImageSummary {
  const reasons = { ...a.reasons };
  for (const [reason, count] of Object.entries(b.reasons) as [ImageMissReason, number][]) reasons[reason] = (reasons[reason] ?? 0) + count;
  return { saved: a.saved + b.saved, missed: a.missed + b.missed, problems: [...a.problems, ...b.problems], reasons, upgraded: a.upgraded + b.upgraded };
}

const images = (count: number) => (count === 1 ? '1 image' : `${count} images`);

/** The sentence a person reads after an import, or null when every image was kept as named. */
export function imageSummarySentence(summary: ImageSummary): string | null {
  const parts: string[] = [];
  if (summary.missed > 0) {
    const counted = (Object.entries(summary.reasons) as [ImageMissReason, number][]).filter(([, count]) => count > 0);
    const [only] = counted;
    const why =
      counted.length === 1 && only !== undefined
        ? IMAGE_MISS_REASONS[only[0]]
        : counted.map(([reason, count]) => `${IMAGE_MISS_REASONS[reason]}: ${count}`).join('; ');
    parts.push(`${images(summary.missed)} could not be saved${why === '' ? '' : ` (${why})`}.`);
  }
  if (summary.upgraded > 0) parts.push(`${images(summary.upgraded)} ${summary.upgraded === 1 ? 'was' : 'were'} fetched over https instead of plain http.`);
  return parts.length === 0 ? null : parts.join(' ');
}

/** The class of the placeholder an image that could not be saved leaves in the article. */
export const MISSING_IMAGE_CLASS = 'image-missing';
