// App-wide guards from Electron's security checklist: no navigation away from the app, no new
// windows (web links go to the system browser after a scheme check), no permissions granted.
import { app, session, shell } from 'electron';
import { APP_ORIGIN } from '../core/protocol/app-files';
import { isExternalWebUrl } from '../core/security/trusted-sender';

export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Only http(s) and mailto addresses reach the system, after isExternalWebUrl's scheme check.
      if (isExternalWebUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
      return { action: 'deny' };
    });
  });
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
