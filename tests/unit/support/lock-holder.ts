// A second process that holds a library's write lock as a `margin` command does while it writes:
// it prints "held" once it has the lock and lets go when it reads "release" on stdin.
// Built with vite and run with plain Node by ./node-script.ts (see lockHolderScript below).
import { acquireWriteLock } from '../../../electron/core/library/write-lock';

const [dataDir] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: lock-holder DATA_DIR');
const lock = await acquireWriteLock(dataDir, { waitMs: 5_000 });
process.stdout.write('held\n');
process.stdin.setEncoding('utf8');
let input = '';
process.stdin.on('data', (chunk: string) => {
  input += chunk;
  if (!input.includes('release\n')) return;
  process.stdin.pause();
  void lock.release().then(() => process.stdout.write('released\n'));
});
