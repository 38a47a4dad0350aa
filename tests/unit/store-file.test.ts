import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { durableWrite, syncFolder, type FileWriter } from '../../electron/core/library/durable-write';
import { DamagedFileError, decodeJson } from '../../electron/core/library/json-codec';
import { NewerFormatError } from '../../electron/core/library/migrations';
import { LIBRARY_MIGRATIONS, LibraryFileSchema, emptyLibrary, type LibraryFile } from '../../electron/core/library/schemas';
import { ValidatedJsonAdapter } from '../../electron/core/library/validated-json-adapter';
import { SerialQueue } from '../../electron/core/library/write-queue';
import { ArticleMetaSchema } from '../../electron/shared/model';
import { tempDir } from './support/temp-dir';

const format = { schema: LibraryFileSchema, migrations: LIBRARY_MIGRATIONS };
const decode = (text: string) => decodeJson('/x/library.json', 'library.json', text, format);
const damageOf = (text: string) => {
  try {
    decode(text);
  } catch (error) {
    return error instanceof DamagedFileError ? error.damage : error;
  }
  return null;
};

describe('reading a stored file', () => {
  it('names what is wrong with an empty, cut-off, garbled or wrongly shaped file', () => {
    const good = JSON.stringify(emptyLibrary());
    expect(damageOf(good)).toBeNull();
    expect(damageOf('')).toBe('empty');
    expect(damageOf('  \n')).toBe('empty');
    expect(damageOf(good.slice(0, good.length - 3))).toBe('not valid JSON');
    expect(damageOf('\u0000\u0000\u0000\u0000')).toBe('not valid JSON');
    expect(damageOf('[]')).toBe('unexpected contents');
    expect(damageOf(JSON.stringify({ ...emptyLibrary(), articles: 'none' }))).toBe('unexpected contents');
    expect(damageOf(JSON.stringify({ ...emptyLibrary(), schemaVersion: '1' }))).toBe('unexpected contents');
    expect(damageOf(JSON.stringify({ articles: [], settings: { sampleAdded: false } }))).toBe('unexpected contents');
    expect(() => decode(JSON.stringify({ ...emptyLibrary(), schemaVersion: 2 }))).toThrow(NewerFormatError);
  });
});

describe('the lowdb adapter', () => {
  it('is a lowdb adapter: read, change, write, read again', async () => {
    const path = join(await tempDir(), 'library.json');
    const db = new Low(new ValidatedJsonAdapter(path, format), emptyLibrary());
    await db.read();
    expect(db.data).toEqual(emptyLibrary());
    db.data.settings.sampleAdded = true;
    await db.write();
    const again = new Low(new ValidatedJsonAdapter(path, format), emptyLibrary());
    await again.read();
    expect(again.data.settings.sampleAdded).toBe(true);
  });

  it('throws DamagedFileError for a damaged file and leaves it as it was', async () => {
    const path = join(await tempDir(), 'library.json');
    await writeFile(path, '{"schemaVersion": 1, "artic');
    await expect(new ValidatedJsonAdapter(path, format).read()).rejects.toThrow(DamagedFileError);
    expect(await readFile(path, 'utf8')).toBe('{"schemaVersion": 1, "artic');
  });

  it('reads a file larger than the limit as damaged, without reading it all', async () => {
    const path = join(await tempDir(), 'library.json');
    await writeFile(path, JSON.stringify(emptyLibrary()));
    const file = new ValidatedJsonAdapter(path, format, { maxBytes: 10 });
    await expect(file.read()).rejects.toMatchObject({ damage: 'too large' });
  });

  it('acknowledges a write only once the writer has finished', async () => {
    const path = join(await tempDir(), 'library.json');
    let finish: () => void = () => undefined;
    let writerCalled: () => void = () => undefined;
    const called = new Promise<void>((resolve) => (writerCalled = resolve));
    const slow: FileWriter = async (target, data) => {
      const finished = new Promise<void>((resolve) => (finish = resolve));
      writerCalled();
      await finished;
      await durableWrite(target, data);
    };
    let acknowledged = false;
    const writing = new ValidatedJsonAdapter(path, format, { writer: slow }).write(emptyLibrary()).then(() => (acknowledged = true));
    // The writer is on its way and stays there; a turn of the event loop lets any early
    // acknowledgement through before the check.
    await called;
    await setImmediate();
    expect(acknowledged).toBe(false);
    finish();
    await writing;
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(emptyLibrary());
  });

  it('runs one file’s writes one at a time, in the order they were asked for', async () => {
    const path = join(await tempDir(), 'library.json');
    const events: string[] = [];
    let active = 0;
    const watched: FileWriter = async (target, data) => {
      active += 1;
      expect(active).toBe(1);
      events.push(JSON.parse(String(data)).articles.length);
      // Each write yields to the event loop a different number of times (fewer for later
      // versions), so later writes would overtake earlier ones if the file let them run together.
      for (let turn = 0; turn < 5 - events.length; turn++) await setImmediate();
      await durableWrite(target, data);
      active -= 1;
    };
    const file = new ValidatedJsonAdapter<LibraryFile>(path, format, { writer: watched });
    const versions = [0, 1, 2, 3, 4].map((n) => ({ ...emptyLibrary(), articles: Array.from({ length: n }, () => article()) }));
    await Promise.all(versions.map((v) => file.write(v)));
    expect(events).toEqual([0, 1, 2, 3, 4]);
    expect(JSON.parse(await readFile(path, 'utf8')).articles).toHaveLength(4);
  });

  it('removes temp files a killed writer left beside the file, and only those', async () => {
    const dir = await tempDir();
    const path = join(dir, 'library.json');
    await writeFile(join(dir, 'library.json.3208923421'), '{"half');
    await writeFile(join(dir, 'library.json.notes'), 'kept');
    await writeFile(join(dir, 'other.json.1234'), 'kept');
    await new ValidatedJsonAdapter(path, format).write(emptyLibrary());
    expect((await readdir(dir)).sort()).toEqual(['library.json', 'library.json.notes', 'other.json.1234']);
  });

  it('notices when another writer replaced the file', async () => {
    const path = join(await tempDir(), 'library.json');
    const mine = new ValidatedJsonAdapter(path, format);
    await mine.write(emptyLibrary());
    expect(await mine.changedOnDisk()).toBe(false);
    await new ValidatedJsonAdapter(path, format).write({ ...emptyLibrary(), settings: { ...emptyLibrary().settings, sampleAdded: true } });
    expect(await mine.changedOnDisk()).toBe(true);
    expect((await mine.read())?.settings.sampleAdded).toBe(true);
    expect(await mine.changedOnDisk()).toBe(false);
  });

  it('writes durably: the whole file or the old one, no temp files left, the folder synced', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await durableWrite(path, 'one');
    await durableWrite(path, new TextEncoder().encode('two'));
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['a.json']);
    await expect(syncFolder(dir)).resolves.toBeUndefined();
    await expect(durableWrite(join(dir, 'missing', 'a.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('SerialQueue', () => {
  it('runs tasks in order; a failure fails only its own caller', async () => {
    const queue = new SerialQueue();
    const order: number[] = [];
    const results = await Promise.allSettled([
      queue.run(async () => {
        // Turns of the event loop in which the later tasks would run if the queue let them.
        for (let turn = 0; turn < 5; turn++) await setImmediate();
        order.push(1);
      }),
      queue.run(async () => {
        order.push(2);
        throw new Error('no');
      }),
      queue.run(async () => {
        order.push(3);
        return 3;
      }),
    ]);
    expect(order).toEqual([1, 2, 3]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

function article() {
  const stamp = new Date().toISOString();
  return ArticleMetaSchema.parse({
    id: crypto.randomUUID(),
    title: 'T',
    byline: null,
    siteName: null,
    sourceUrl: null,
    sourceFile: null,
    format: 'text' as const,
    wordCount: 1,
    importedAt: stamp,
    createdAt: stamp,
    updatedAt: stamp,
  });
}

