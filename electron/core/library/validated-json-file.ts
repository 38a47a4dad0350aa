// A lowdb adapter that checks what it reads against a zod schema and writes through
// write-file-atomic (temp file, fsync, rename). lowdb's own JSONFile neither validates nor
// fsyncs, and its presets swap to memory under NODE_ENV=test, so Margin uses neither.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Adapter } from 'lowdb';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { UserError } from '../errors';

export class ValidatedJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new UserError(`${basename(this.path)} is damaged (not valid JSON); Margin left it untouched.`);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      throw new UserError(`${basename(this.path)} is damaged (unexpected contents); Margin left it untouched.`);
    }
    return parsed.data;
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(data, null, 2)}\n`, { fsync: true });
  }
}
