// IPC results travel as values, never as thrown errors: an exception crossing contextBridge
// loses its message and type, a value does not.
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string): Result<T> {
  return { ok: false, error };
}
