// The write lock as the store's changes use it: the caller's lock when it holds one for its
// lifetime (the app), else one taken for the changes under way at that moment and released as soon
// as the last of them is done (a CLI command, a test), so another process can write in between.
import { UserError } from '../errors';
import { acquireWriteLock, type WriteLock } from './write-lock';

export const DEFAULT_WRITE_WAIT_MS = 5_000;

export const LOCK_LOST_MESSAGE = 'Margin no longer holds this library’s write lock (another Margin may have taken it over); close Margin and open it again.';

interface Lease {
  users: number;
  lock: Promise<WriteLock>;
}

export class WriteLease {
  private lease: Lease | null = null;
  private released: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly options: { lock?: WriteLock | undefined; waitMs?: number | undefined },
  ) {}

  /** Runs a step holding the write lock; the steps that overlap in time share one. */
  async run<R>(step: () => Promise<R>): Promise<R> {
    const { lock } = this.options;
    if (lock !== undefined) {
      if (!lock.held) throw new UserError(LOCK_LOST_MESSAGE);
      return step();
    }
    if (this.lease === null) {
      const waitMs = this.options.waitMs ?? DEFAULT_WRITE_WAIT_MS;
      this.lease = { users: 0, lock: this.released.then(() => acquireWriteLock(this.dataDir, { waitMs })) };
    }
    const lease = this.lease;
    lease.users += 1;
    try {
      await lease.lock;
      return await step();
    } finally {
      lease.users -= 1;
      if (lease.users === 0) {
        if (this.lease === lease) this.lease = null;
        this.released = lease.lock.then(
          (held) => held.release(),
          () => undefined,
        );
        await this.released;
      }
    }
  }
}
