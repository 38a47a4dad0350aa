// Answers requests on the app's origin (margin://app/...): the built renderer's files, and stored
// images under /images/, always with the Content-Security-Policy as a header. The Electron
// protocol handler and the e2e test server both call this, so the tests load the renderer and
// its images exactly as the app serves them.
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { ASSET_PATH_PREFIX } from '../../shared/asset-url';
import { readAsset } from '../assets/asset-store';

export const APP_SCHEME = 'margin';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// Nothing but the app's own files: no network, no inline script, no plugins, no framing.
// eng-justify CSP_GLOBAL_CHECK: the policy is sent as a header on every margin://app response
// (serveAppRequest below), where a static scan of HTML files cannot see it.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

const baseHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
});

function notFound(): AppResponse {
  return { status: 404, headers: { ...baseHeaders(), 'Content-Type': 'text/plain' }, body: 'Not found' };
}

/** Maps a URL path onto a file inside rootDir, or null for anything that would leave it. */
export function appFilePath(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = resolve(rootDir);
  const file = resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  return file.startsWith(root + sep) ? file : null;
}

export interface AppRoots {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The library's data dir, whose assets/ folder holds the stored images. */
  dataDir: string;
}

async function serveAsset(dataDir: string, name: string): Promise<AppResponse> {
  const bytes = await readAsset(dataDir, name);
  const type = CONTENT_TYPES[extname(name)];
  if (bytes === null || type === undefined) return notFound();
  return { status: 200, headers: { ...baseHeaders(), 'Content-Type': type, 'Cache-Control': 'max-age=31536000, immutable' }, body: bytes };
}

export async function serveAppRequest(roots: AppRoots, url: string): Promise<AppResponse> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notFound();
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return notFound();
  if (parsed.pathname.startsWith(ASSET_PATH_PREFIX)) return serveAsset(roots.dataDir, parsed.pathname.slice(ASSET_PATH_PREFIX.length));
  const rootDir = roots.rendererDir;
  const file = appFilePath(rootDir, parsed.pathname);
  const type = file === null ? undefined : CONTENT_TYPES[extname(file)];
  if (file === null || type === undefined) return notFound();
  try {
    const body = new Uint8Array(await readFile(file));
    return { status: 200, headers: { ...baseHeaders(), 'Content-Type': type }, body };
  } catch {
    return notFound();
  }
}
