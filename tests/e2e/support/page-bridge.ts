// Runs in the page before the renderer: builds `window.margin` with the same buildInvokeApi the
// preload uses, over the Playwright binding that stands in for ipcRenderer.invoke.
import { buildInvokeApi, type MarginApi } from '../../../electron/shared/api';
import { isMenuCommand } from '../../../electron/shared/channels';

interface TestWindow {
  __marginInvoke(channel: string, input: unknown): Promise<unknown>;
}

const host = window as unknown as TestWindow;

const api: MarginApi = {
  ...buildInvokeApi((channel, input) => host.__marginInvoke(channel, input)),
  onMenuCommand(listener) {
    // Tests play the menu by dispatching this event, as main sends menu commands over IPC.
    const forward = (event: Event) => {
      const command = (event as CustomEvent<unknown>).detail;
      if (isMenuCommand(command)) listener(command);
    };
    window.addEventListener('margin:menu-command', forward);
    return () => window.removeEventListener('margin:menu-command', forward);
  },
};

Object.defineProperty(window, 'margin', { value: Object.freeze(api), enumerable: true });
