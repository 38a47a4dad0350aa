// Runs the real electron/main/index.ts under the stand-in Electron: fresh module state for each
// test, with the argv, platform and environment a test names, all put back afterwards.
import { afterEach, vi } from 'vitest';
import { repoRoot } from '../../unit/support/paths';
import { createStandInElectron, type StandInElectron, type StandInOptions } from './electron-stand-in';

export interface MainStart extends StandInOptions {
  /** The arguments after Electron's own (the executable and, unpackaged, the app folder). */
  args?: string[];
  platform?: NodeJS.Platform;
  env?: Record<string, string>;
}

// A file's first start imports the whole of main (jsdom, the import pipeline) into a fresh module
// graph, which on a busy machine takes longer than vitest's default allows.
vi.setConfig({ testTimeout: 60_000 });

const originalArgv = process.argv;
const originalPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
const restoreEnv: (() => void)[] = [];
const running: StandInElectron[] = [];

afterEach(() => {
  // The app's will-quit releases the library's lock, as it does when the person quits.
  for (const electron of running.splice(0)) if (electron.app.exitCode === null) electron.app.quit();
  process.argv = originalArgv;
  Object.defineProperty(process, 'platform', originalPlatform);
  for (const restore of restoreEnv.splice(0)) restore();
  vi.doUnmock('electron');
});

function setEnv(name: string, value: string): void {
  const before = process.env[name];
  process.env[name] = value;
  restoreEnv.push(() => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  });
}

/** Imports the app's main module as Electron would start it; resolves once its top level has run. */
export async function startMain(start: MainStart = {}): Promise<StandInElectron> {
  const electron = createStandInElectron({ appPath: repoRoot, ...start });
  running.push(electron);
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  process.argv = start.isPackaged ? [process.execPath, ...(start.args ?? [])] : [process.execPath, repoRoot, ...(start.args ?? [])];
  if (start.platform !== undefined) Object.defineProperty(process, 'platform', { ...originalPlatform, value: start.platform });
  for (const [name, value] of Object.entries(start.env ?? {})) setEnv(name, value);
  await import('../../../electron/main/index');
  return electron;
}

/** The app started on a fresh library, its window's page loaded. */
export async function startedApp(start: MainStart = {}): Promise<StandInElectron> {
  const electron = await startMain(start);
  electron.emitReady();
  await electron.until((line) => line.startsWith('window.loadURL'));
  electron.windows[0]!.finishLoad();
  return electron;
}

/** The preload, run in the stand-in's page: what it exposes, and the page's drop listener. */
export async function loadPreload(electron: StandInElectron): Promise<{ api: Record<string, unknown>; drop: (event: unknown) => void }> {
  const listeners: { type: string; listener: (event: unknown) => void }[] = [];
  const page = { addEventListener: (type: string, listener: (event: unknown) => void) => listeners.push({ type, listener }) };
  vi.stubGlobal('window', page);
  try {
    vi.doMock('electron', () => electron.module);
    await import('../../../electron/preload/index');
  } finally {
    vi.unstubAllGlobals();
  }
  const api = electron.exposed.get('margin') as Record<string, unknown>;
  return { api, drop: (event) => listeners.filter((entry) => entry.type === 'drop').forEach((entry) => entry.listener(event)) };
}
