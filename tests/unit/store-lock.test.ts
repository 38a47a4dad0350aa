// One writer per data dir: a second waits a bounded time, then gets "Margin is open; close it or
// retry."; readers need no lock; a lock whose holder died is taken over at once.
import { spawn } from 'node:child_process';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../electron/core/errors';
import { annotationsFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { LOCK_BUSY_MESSAGE, acquireWriteLock, writeLockFolder } from '../../electron/core/library/write-lock';
import { highlightPhrase } from './support/highlight';
import { libraryWithSample } from './support/library';
import type { BuiltScript } from './support/node-script';
import { buildStoreWriter, startStoreWriter } from './support/store-writer';
import { tempDir } from './support/temp-dir';

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('close', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

async function fakeLock(dataDir: string, pid: number, host = hostname()) {
  await mkdir(writeLockFolder(dataDir), { recursive: true });
  await writeFile(join(writeLockFolder(dataDir), 'owner.json'), JSON.stringify({ pid, host }));
}

describe('the write lock', () => {
  it('lets one writer in; a second waits its bounded time, then is told in one sentence', async () => {
    const dataDir = await tempDir();
    const first = await acquireWriteLock(dataDir, { program: 'app' });
    expect(first.held).toBe(true);
    // How long it waits beside the time it was given is measured in tests/bench/store.bench.ts.
    let waits = 0;
    const error = await acquireWriteLock(dataDir, { waitMs: 150, onWait: () => (waits += 1) }).catch((e: unknown) => e);
    expect(waits).toBe(1);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe('Margin is open; close it or retry.');
    await first.release();
    expect(first.held).toBe(false);
    const second = await acquireWriteLock(dataDir);
    await second.release();
  });

  it('a waiting writer proceeds as soon as the first one is done', async () => {
    const dataDir = await tempDir();
    const first = await acquireWriteLock(dataDir);
    // Released once the second is seen waiting; given far longer than the test may run, the
    // second can only pass by noticing the release.
    const second = await acquireWriteLock(dataDir, { waitMs: 600_000, onWait: () => void first.release() });
    expect(second.held).toBe(true);
    await second.release();
  });

  it('takes over at once a lock whose holder process is gone', async () => {
    const dataDir = await tempDir();
    await fakeLock(dataDir, await deadPid());
    // No wait at all: one try, which must take the lock over.
    const lock = await acquireWriteLock(dataDir, { waitMs: 0 });
    expect(JSON.parse(await readFile(join(writeLockFolder(dataDir), 'owner.json'), 'utf8'))).toEqual({ pid: process.pid, host: hostname(), program: 'command' });
    await lock.release();
  });

  it('leaves a lock whose holder is alive, or on another machine, until it goes stale', async () => {
    const dataDir = await tempDir();
    await fakeLock(dataDir, process.ppid);
    await expect(acquireWriteLock(dataDir, { waitMs: 50 })).rejects.toThrow(LOCK_BUSY_MESSAGE);
    await fakeLock(dataDir, await deadPid(), 'another-host');
    await expect(acquireWriteLock(dataDir, { waitMs: 50 })).rejects.toThrow(LOCK_BUSY_MESSAGE);
    // Not kept fresh for longer than proper-lockfile's stale time: its holder stopped.
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(writeLockFolder(dataDir), longAgo, longAgo);
    const lock = await acquireWriteLock(dataDir, { waitMs: 0 });
    await lock.release();
  });

  it('a library opened with the lock saves; once the lock is released it refuses', async () => {
    const { dataDir, sample } = await libraryWithSample();
    const lock = await acquireWriteLock(dataDir);
    const library = await Library.open(dataDir, { lock });
    await highlightPhrase(library, sample.id, 'Kharkiv');
    await lock.release();
    await expect(highlightPhrase(library, sample.id, 'Kupyansk')).rejects.toThrow(UserError);
    expect(await library.annotations(sample.id)).toHaveLength(1);
  });

  it('while one library holds the lock, another reads freely and waits to write, changing nothing', async () => {
    const { dataDir, sample } = await libraryWithSample();
    const lock = await acquireWriteLock(dataDir, { program: 'app' });
    const app = await Library.open(dataDir, { lock });
    await highlightPhrase(app, sample.id, 'Kharkiv');
    const cli = await Library.open(dataDir, { waitMs: 100 });
    expect(await cli.annotations(sample.id)).toHaveLength(1);
    const before = await readFile(annotationsFile(dataDir, sample.id), 'utf8');
    await expect(highlightPhrase(cli, sample.id, 'Kupyansk')).rejects.toThrow(LOCK_BUSY_MESSAGE);
    expect(await readFile(annotationsFile(dataDir, sample.id), 'utf8')).toBe(before);
    await lock.release();
    // The app is closed: the same library now saves, on top of what the app saved.
    await highlightPhrase(cli, sample.id, 'Kupyansk');
    expect(await (await Library.open(dataDir)).annotations(sample.id)).toHaveLength(2);
  });
});

describe('the write lock across processes', () => {
  let script: BuiltScript;
  beforeAll(async () => {
    script = await buildStoreWriter();
  }, 60_000);
  afterAll(() => script?.remove());

  it('a second process gives up with the sentence; readers go on; the lock of a killed holder is taken over', async () => {
    const { dataDir, sample } = await libraryWithSample();
    const app = startStoreWriter(script, { dataDir, mode: 'session', count: 0, waitMs: 0, articleEvery: 0, tag: 'app' });
    await app.waitForLine((line) => line === 'ready');
    await expect(acquireWriteLock(dataDir, { waitMs: 200 })).rejects.toThrow(LOCK_BUSY_MESSAGE);
    const cli = startStoreWriter(script, { dataDir, mode: 'session', count: 1, waitMs: 300, articleEvery: 0, tag: 'cli' });
    expect(await cli.exited).toEqual({ code: 3, signal: null });
    expect(cli.stderr()).toBe('Margin is open; close it or retry.\n');
    const reader = await Library.open(dataDir);
    expect(reader.articles().map((a) => a.id)).toEqual([sample.id]);
    await reader.annotations(sample.id);
    app.child.kill('SIGKILL');
    await app.exited;
    // No wait at all: one try, which must take the killed holder's lock over.
    const lock = await acquireWriteLock(dataDir, { waitMs: 0 });
    expect(lock.held).toBe(true);
    await lock.release();
  }, 60_000);
});
