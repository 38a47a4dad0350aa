// The annotations files kept in memory between saves: a person moving between articles does not
// make every save read its file again, memory stays bounded, and a document a step is using is
// never dropped (a second copy opened meanwhile could lose a save).
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../electron/shared/anchoring';
import type { Annotation } from '../../electron/shared/model';
import { AnnotationDocuments, KEPT_DOCUMENTS } from '../../electron/core/library/annotation-documents';
import { DEFAULT_BACKUP_POLICY } from '../../electron/core/library/backups';
import { durableWrite } from '../../electron/core/library/durable-write';
import { articleDir } from '../../electron/core/library/files';
import { DEFAULT_LIMITS } from '../../electron/core/library/limits';
import type { AnnotationsFile } from '../../electron/core/library/schemas';
import type { StoredDocument } from '../../electron/core/library/stored-document';
import { tempDir } from './support/temp-dir';

const TEXT = 'The ferry leaves at dawn from the harbour wall.';

function highlights(articleId: string, n: number): Annotation[] {
  const stamp = new Date().toISOString();
  return Array.from({ length: n }, () => ({
    id: randomUUID(),
    articleId,
    color: 'yellow',
    note: '',
    tags: [],
    target: describeSpan(TEXT, 4, 9),
    review: null,
    createdAt: stamp,
    updatedAt: stamp,
  }));
}

async function documents(keep?: { documents: number; highlights: number }) {
  const dataDir = await tempDir();
  const docs = new AnnotationDocuments({
    settings: {
      dataDir,
      writer: durableWrite,
      limits: DEFAULT_LIMITS,
      backupPolicy: DEFAULT_BACKUP_POLICY,
      clock: () => new Date(),
      guard: (step) => step(),
      notify: () => undefined,
    },
    titleOf: () => 'An article',
    onUsed: () => undefined,
    ...(keep === undefined ? {} : { keep }),
  });
  const ids = Array.from({ length: 40 }, () => randomUUID());
  const read = (id: string) => docs.use(id, (doc) => Promise.resolve(doc));
  const save = async (id: string, n: number) => {
    await mkdir(articleDir(dataDir, id), { recursive: true });
    return docs.use(id, (doc) => doc.update((file) => ({ ...file, annotations: highlights(id, n) })));
  };
  return { docs, ids, read, save };
}

describe('the annotations files kept in memory', () => {
  it('keeps the most recently used, up to its count, and reads a dropped one afresh', async () => {
    const { docs, ids, read } = await documents();
    const first = await read(ids[0] ?? '');
    for (const id of ids.slice(1, KEPT_DOCUMENTS)) await read(id);
    expect(await read(ids[0] ?? '')).toBe(first);
    for (const id of ids.slice(KEPT_DOCUMENTS, KEPT_DOCUMENTS + 2)) await read(id);
    expect(docs.keptIds()).toHaveLength(KEPT_DOCUMENTS);
    expect(docs.keptIds()).toContain(ids[0]);
    expect(docs.keptIds()).not.toContain(ids[1]);
    expect(docs.keptIds()).not.toContain(ids[2]);
  });

  it('keeps no more highlights together than its allowance, and the most recent however many it holds', async () => {
    const { docs, ids, read, save } = await documents({ documents: 10, highlights: 100 });
    const [a = '', b = '', c = '', big = ''] = ids;
    await save(a, 40);
    await save(b, 40);
    await read(a);
    await save(c, 40);
    expect(docs.keptIds()).toEqual([c, a]);
    await save(big, 150);
    expect(docs.keptIds()).toEqual([big]);
  });

  it('never drops a document a step is using, and gives a second step the same one', async () => {
    const { docs, ids, read } = await documents({ documents: 2, highlights: 100 });
    const [busy = '', ...others] = ids;
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = (_doc: StoredDocument<AnnotationsFile>) => undefined as void;
    const inStep = new Promise<StoredDocument<AnnotationsFile>>((resolve) => (started = resolve));
    const using = docs.use(busy, async (doc) => {
      started(doc);
      await held;
    });
    const first = await inStep;
    for (const id of others) await read(id);
    expect(await read(busy)).toBe(first);
    release();
    await using;
    expect(docs.keptIds()[0]).toBe(busy);
    expect(await read(busy)).toBe(first);
  });

  it('forgets a document its article no longer has', async () => {
    const { docs, ids, read } = await documents();
    const [id = ''] = ids;
    const first = await read(id);
    docs.forget(id);
    expect(docs.keptIds()).toEqual([]);
    expect(await read(id)).not.toBe(first);
  });
});
