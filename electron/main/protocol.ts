// margin://app/ serves the built renderer and the stored images with the CSP header; the app
// never loads file:// URLs.
import { protocol } from 'electron';
import { APP_SCHEME, serveAppRequest, type AppRoots } from '../core/protocol/app-files';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

export function handleAppProtocol(roots: AppRoots): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const response = await serveAppRequest(roots, request.url);
    return new Response(response.body as BodyInit, { status: response.status, headers: response.headers });
  });
}
