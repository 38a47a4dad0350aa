// Things a path can name besides a file, for tests that hand them to Margin: a named pipe, a
// socket, a device. A device node is made in a temp folder when the test runs as root, so a
// Margin that wrongly replaced its target would replace that copy, never the machine's /dev/null.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach } from 'vitest';

const run = promisify(execFile);
const pipes: string[] = [];
const servers: Server[] = [];

export async function namedPipe(folder: string, name = 'pipe'): Promise<string> {
  const path = join(folder, name);
  await run('mkfifo', [path]);
  pipes.push(path);
  return path;
}

export async function listeningSocket(folder: string, name = 'socket'): Promise<string> {
  const path = join(folder, name);
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(path, resolve));
  servers.push(server);
  return path;
}

/** A character device like /dev/null: a copy of it in `folder` as root, else /dev/null itself. */
export async function nullDevice(folder: string): Promise<string> {
  if (process.getuid?.() !== 0) return '/dev/null';
  const path = join(folder, 'null-device');
  await run('mknod', [path, 'c', '1', '3']);
  return path;
}

afterEach(async () => {
  // A reader a test left waiting on a pipe (a Margin that blocked) is let go: a writer that opens
  // and closes gives it the end of the file.
  for (const path of pipes.splice(0)) {
    const writer = await open(path, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => null);
    await writer?.close();
  }
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});
