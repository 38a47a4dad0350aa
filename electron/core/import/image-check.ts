// Decides by its bytes whether an image may be kept: a real PNG, JPEG, GIF, WebP, AVIF or SVG,
// not too heavy, not a decompression bomb, not a 1x1 tracking pixel. SVG is sanitized as an
// image only.
import { imageSize } from 'image-size';
import type { AssetExtension } from '../../shared/asset-url';
import { sanitizeSvg } from '../sanitize/sanitizer';

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Decoded size limit: a 1 KB file can claim 100,000 x 100,000 pixels and eat the machine's memory. */
export const MAX_IMAGE_PIXELS = 100_000_000;
const MAX_SIDE = 30_000;

export type CheckedImage = { ok: true; bytes: Uint8Array; extension: AssetExtension } | { ok: false; reason: string };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

function extensionOf(bytes: Uint8Array): AssetExtension | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(bytes, 8, 12))) return 'avif';
  // Drawing programs open an SVG file with an XML declaration, comments and a doctype.
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/u, '')
    .replace(/^(?:\s*(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!doctype[^>[]*(?:\[[\s\S]*?\])?\s*>))*/iu, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<svg')) return 'svg';
  return null;
}

export const TRACKING_PIXEL = 'a tracking pixel';

/** An SVG that says it is 1 or 2 pixels square is a tracker like any other. */
function isTrackingPixel(svg: Uint8Array): boolean {
  try {
    const { width, height } = imageSize(svg);
    return width !== undefined && height !== undefined && width <= 2 && height <= 2;
  } catch {
    return false;
  }
}

export function checkImage(bytes: Uint8Array): CheckedImage {
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, reason: 'larger than 20 MB' };
  const extension = extensionOf(bytes);
  if (extension === null) return { ok: false, reason: 'not an image Margin can show' };
  if (extension === 'svg') {
    const clean = sanitizeSvg(new TextDecoder().decode(bytes));
    if (clean === null) return { ok: false, reason: 'an SVG with nothing left after cleaning' };
    const cleaned = new TextEncoder().encode(clean);
    return isTrackingPixel(cleaned) ? { ok: false, reason: TRACKING_PIXEL } : { ok: true, bytes: cleaned, extension };
  }
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = imageSize(bytes));
  } catch {
    // AVIF headers are not always understood; the format check above already vouched for the bytes.
    if (extension !== 'avif') return { ok: false, reason: 'a damaged image' };
  }
  if (width !== undefined && height !== undefined) {
    if (width <= 2 && height <= 2) return { ok: false, reason: TRACKING_PIXEL };
    if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_IMAGE_PIXELS) {
      return { ok: false, reason: `too large to display (${width} x ${height} pixels)` };
    }
  }
  return { ok: true, bytes, extension };
}
