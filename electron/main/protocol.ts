// margin://app/ serves the built renderer with its CSP header; the app never loads file:// URLs.
import { protocol } from 'electron';
import { APP_SCHEME, serveAppFile } from '../core/protocol/app-files';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const response = await serveAppFile(rendererDir, request.url);
    return new Response(response.body as BodyInit, { status: response.status, headers: response.headers });
  });
}
