// The files a person chose since the app started: a file dialog's answer, a drop on the window
// (the preload reads the real drop's paths and main grants them), and the app's command line
// (first launch, second launch, macOS open-file). article:import reads a file only from this list,
// so a page in the renderer cannot name a file on disk and have it read into the library. Web
// addresses need no grant: the network rules (net/reach.ts) decide what they may reach.
import { resolve } from 'node:path';
import { z } from 'zod';
import { isWebAddress } from '../../shared/web-address';

export const NOT_CHOSEN_MESSAGE =
  'Margin imports a file only when you choose it: open it from the Import button, drop it on the window, or name it when you start Margin.';

/** What the preload sends on a drop: the dropped files' paths. */
const DroppedPathsSchema = z.array(z.string().min(1).max(10_000)).min(1).max(1_000);

export class ChosenPaths {
  private readonly paths = new Set<string>();

  grant(paths: readonly string[]): void {
    for (const path of paths) if (!isWebAddress(path)) this.paths.add(resolve(path));
  }

  /** Grants the paths of a drop as the preload reports it; anything else is ignored. */
  grantDropped(input: unknown): void {
    const parsed = DroppedPathsSchema.safeParse(input);
    if (parsed.success) this.grant(parsed.data);
  }

  allows(source: string): boolean {
    return isWebAddress(source) || this.paths.has(resolve(source));
  }
}
