// How stored images are named and addressed. Article HTML refers to an image as
// margin://asset/<sha256>.<ext>; the app serves it from the data dir at /images/<name> on its own
// origin, so the reader (and the e2e server) need no second origin in the CSP.
export const ASSET_URL_PREFIX = 'margin://asset/';
export const ASSET_PATH_PREFIX = '/images/';
export const ASSET_EXTENSIONS = ['png', 'jpg', 'gif', 'webp', 'avif', 'svg'] as const;
export type AssetExtension = (typeof ASSET_EXTENSIONS)[number];
export const ASSET_NAME_PATTERN = /^[a-f0-9]{64}\.(?:png|jpg|gif|webp|avif|svg)$/;

export function assetUrl(name: string): string {
  return `${ASSET_URL_PREFIX}${name}`;
}

/** The stored image's name in a margin://asset/ URL, or null when the URL is anything else. */
export function assetNameFromUrl(url: string): string | null {
  if (!url.startsWith(ASSET_URL_PREFIX)) return null;
  const name = url.slice(ASSET_URL_PREFIX.length);
  return ASSET_NAME_PATTERN.test(name) ? name : null;
}
