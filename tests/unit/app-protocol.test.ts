import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeAsset } from '../../electron/core/assets/asset-store';
import { CONTENT_SECURITY_POLICY, serveAppRequest, type AppRoots } from '../../electron/core/protocol/app-files';
import { isExternalWebUrl, isTrustedSender, isTrustedSenderUrl } from '../../electron/core/security/trusted-sender';
import { tempDir } from './support/temp-dir';

const PNG_1x1_HEADER = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function roots(): Promise<AppRoots> {
  const base = await tempDir();
  const rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'void 0');
  await writeFile(join(base, 'secret.txt'), 'secret');
  return { rendererDir, dataDir: join(base, 'data') };
}

describe('margin://app/ responses', () => {
  it('serves the renderer with its CSP header and refuses to leave the folder', async () => {
    const app = await roots();
    const page = await serveAppRequest(app, 'margin://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect((await serveAppRequest(app, 'margin://app/assets/app.js')).status).toBe(200);
    for (const url of [
      'margin://app/../secret.txt',
      'margin://app/%2e%2e/secret.txt',
      'margin://app/..%2fsecret.txt',
      'margin://app/nope.js',
      'margin://app/%E0%A4%A',
      'margin://other/index.html',
      'https://app/index.html',
    ]) {
      expect({ url, status: (await serveAppRequest(app, url)).status }).toEqual({ url, status: 404 });
    }
  });

  it('serves stored images by their content name only', async () => {
    const app = await roots();
    const name = await storeAsset(app.dataDir, PNG_1x1_HEADER, 'png');
    const image = await serveAppRequest(app, `margin://app/images/${name}`);
    expect(image.status).toBe(200);
    expect(image.headers['Content-Type']).toBe('image/png');
    expect(image.body).toEqual(PNG_1x1_HEADER);
    for (const path of ['images/../library.json', `images/${name.replace('.png', '.js')}`, 'images/x.png', 'images/%2e%2e%2fsecret.txt']) {
      expect((await serveAppRequest(app, `margin://app/${path}`)).status).toBe(404);
    }
  });

  it('allows scripts only from the app itself and nothing from the network', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data:");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('trust checks', () => {
  it('accepts IPC only from the app’s own page in its top-level frame', () => {
    expect(isTrustedSender({ url: 'margin://app/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'margin://app/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    for (const url of ['https://evil.example/', 'file:///index.html', 'margin://asset/x.png', 'about:blank', 'not a url', undefined]) {
      expect(isTrustedSenderUrl(url)).toBe(false);
      expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
    }
  });

  it('hands only web and e-mail links to the system', () => {
    expect(isExternalWebUrl('https://example.org/a')).toBe(true);
    expect(isExternalWebUrl('http://example.org/a')).toBe(true);
    expect(isExternalWebUrl('mailto:desk@example.org')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.org/', 'margin://app/']) {
      expect(isExternalWebUrl(url)).toBe(false);
    }
  });
});
