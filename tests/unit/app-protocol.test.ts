import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, serveAppFile } from '../../electron/core/protocol/app-files';
import { isExternalWebUrl, isTrustedSenderUrl } from '../../electron/core/security/trusted-sender';
import { tempDir } from './support/temp-dir';

describe('margin://app/ responses', () => {
  it('serves the renderer with its CSP header and refuses to leave the folder', async () => {
    const root = join(await tempDir(), 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'assets', 'app.js'), 'void 0');
    await writeFile(join(root, '..', 'secret.txt'), 'secret');
    const page = await serveAppFile(root, 'margin://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect((await serveAppFile(root, 'margin://app/assets/app.js')).status).toBe(200);
    for (const url of ['margin://app/../secret.txt', 'margin://app/%2e%2e/secret.txt', 'margin://app/..%2fsecret.txt', 'margin://app/nope.js', 'margin://app/%E0%A4%A']) {
      expect((await serveAppFile(root, url)).status).toBe(404);
    }
  });

  it('allows scripts only from the app itself and nothing from the network', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });
});

describe('trust checks', () => {
  it('accepts IPC only from the app’s own pages', () => {
    expect(isTrustedSenderUrl('margin://app/index.html')).toBe(true);
    for (const url of ['https://evil.example/', 'file:///index.html', 'margin://asset/x.png', 'about:blank', 'not a url', undefined]) {
      expect(isTrustedSenderUrl(url)).toBe(false);
    }
  });

  it('hands only plain web links to the system browser', () => {
    expect(isExternalWebUrl('https://example.org/a')).toBe(true);
    expect(isExternalWebUrl('http://example.org/a')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.org/', 'margin://app/']) {
      expect(isExternalWebUrl(url)).toBe(false);
    }
  });
});
