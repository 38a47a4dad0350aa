// `window.margin`, built the same way by the preload (over ipcRenderer.invoke) and by the
// renderer e2e tests (over Playwright bindings), so the tests drive the shape the app ships.
import { API_METHODS, type ApiMethod, type MenuCommand } from './channels';
import type { ChannelInput, ChannelOutput } from './contract';
import type { Result } from './result';

type MethodChannel<M extends ApiMethod> = (typeof API_METHODS)[M];

export type InvokeApi = {
  [M in ApiMethod]: (
    input: ChannelInput<MethodChannel<M>>,
  ) => Promise<Result<ChannelOutput<MethodChannel<M>>>>;
};

export interface MarginApi extends InvokeApi {
  /** Subscribe to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Subscribe to files or addresses handed to the app from outside (command line, dock, second launch). */
  onImportRequest(listener: (sources: string[]) => void): () => void;
  /** The path on disk of a file dropped on the window, or null when it has none. */
  pathForFile(file: File): string | null;
}

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

export function buildInvokeApi(invoke: Invoke): InvokeApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [method, channel] of Object.entries(API_METHODS)) {
    api[method] = (input: unknown) => invoke(channel, input);
  }
  return api as unknown as InvokeApi;
}
