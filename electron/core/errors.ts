// An error whose message is written for the person using Margin: one clear sentence, shown as
// is by the app and the CLI. Anything else that is thrown is a bug and is reported as such.
export class UserError extends Error {
  override name = 'UserError';
}

export function messageFor(error: unknown): string {
  if (error instanceof UserError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Something went wrong inside Margin: ${detail}`;
}
