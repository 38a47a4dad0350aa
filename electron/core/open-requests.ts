// Files and addresses handed to the app from outside (its command line, a second launch, macOS's
// open-file from Finder or the dock) reach the reader's window once its page can take them, and
// wait until then. Where the app runs with no window (macOS keeps running after the last one
// closes) a window is opened for them; before start-up is done they wait for its first window.

export type WindowState = 'none' | 'loading' | 'ready';

/** What the Electron glue does for these requests. */
export interface ReaderDoor {
  windowState(): WindowState;
  openWindow(): void;
  send(sources: string[]): void;
}

export class OpenRequests {
  private pending: string[];
  private started = false;

  constructor(
    private readonly door: ReaderDoor,
    initial: readonly string[] = [],
  ) {
    this.pending = [...initial];
  }

  /** Sources arrived; none at all still asks for a window (the dock icon, a second launch). */
  arrive(sources: readonly string[]): void {
    const state = this.door.windowState();
    if (state === 'ready') {
      if (sources.length > 0) this.door.send([...sources]);
      return;
    }
    this.pending.push(...sources);
    if (state === 'none' && this.started) this.door.openWindow();
  }

  /** Start-up is done (the library is open, its handlers answer): the first window opens. */
  start(): void {
    this.started = true;
    if (this.door.windowState() === 'none') this.door.openWindow();
  }

  /** The window's page has loaded: it takes what waited. */
  windowLoaded(): void {
    const sources = this.pending;
    this.pending = [];
    if (sources.length > 0) this.door.send(sources);
  }
}
