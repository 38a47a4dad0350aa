// The renderer's handle on `window.margin` (the preload's bridge). Failures become one sentence
// shown to the person; callers get the value or null.
import type { MarginApi } from '../../electron/shared/api';
import type { Result } from '../../electron/shared/result';

declare global {
  interface Window {
    margin: MarginApi;
  }
}

export const margin = (): MarginApi => window.margin;

export type ErrorReporter = (message: string) => void;

let reportError: ErrorReporter = (message) => console.error(message);

export function setErrorReporter(reporter: ErrorReporter): void {
  reportError = reporter;
}

export async function call<T>(request: Promise<Result<T>>): Promise<T | null> {
  try {
    const result = await request;
    if (result.ok) return result.value;
    reportError(result.error);
  } catch (error) {
    reportError(`Margin could not reach its library: ${error instanceof Error ? error.message : String(error)}`);
  }
  return null;
}
