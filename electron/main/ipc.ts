// Registers the core handler table with ipcMain, refusing any caller that is not the app's own
// page in its main frame.
import { ipcMain } from 'electron';
import type { Channel } from '../shared/channels';
import { fail } from '../shared/result';
import type { Handlers } from '../core/handlers';
import { isTrustedSender } from '../core/security/trusted-sender';

export function registerHandlers(handlers: Handlers): void {
  for (const [channel, handler] of Object.entries(handlers) as [Channel, Handlers[Channel]][]) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame === null ? null : { url: frame.url, isMainFrame: frame.parent === null })) {
        return fail('Margin refused a request from outside the app.');
      }
      return handler(input);
    });
  }
}
