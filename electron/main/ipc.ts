// Registers the core handler table with ipcMain, refusing any caller that is not the app's own
// page in its main frame.
import { ipcMain } from 'electron';
import { DROPPED_PATHS_CHANNEL, type Channel } from '../shared/channels';
import { fail } from '../shared/result';
import type { Handlers } from '../core/handlers';
import type { ChosenPaths } from '../core/security/chosen-paths';
import { isTrustedSender } from '../core/security/trusted-sender';

const fromApp = (event: Electron.IpcMainEvent | Electron.IpcMainInvokeEvent) => {
  const frame = event.senderFrame;
  return isTrustedSender(frame === null ? null : { url: frame.url, isMainFrame: frame.parent === null });
};

export function registerHandlers(handlers: Handlers, chosen: ChosenPaths): void {
  for (const [channel, handler] of Object.entries(handlers) as [Channel, Handlers[Channel]][]) {
    ipcMain.handle(channel, (event, input: unknown) => (fromApp(event) ? handler(input) : fail('Margin refused a request from outside the app.')));
  }
  // The preload's report of a real drop (see electron/preload): its files become the person's choice.
  ipcMain.on(DROPPED_PATHS_CHANNEL, (event, input: unknown) => {
    if (fromApp(event)) chosen.grantDropped(input);
  });
}
