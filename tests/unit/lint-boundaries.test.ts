// The house's rooms are kept apart by a lint rule; this proves the rule bites.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths';

const eslint = new ESLint({ cwd: repoRoot });

async function boundaryErrors(file: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath: join(repoRoot, file) });
  return result?.messages.filter((m) => m.ruleId === 'boundaries/dependencies').length ?? -1;
}

describe('layer boundaries', () => {
  it.each([
    ['electron/shared/x.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
    ['electron/shared/x.ts', "import { UserError } from '../core/errors';\nexport const x = UserError;\n"],
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/core/x.ts', "import { registerHandlers } from '../main/ipc';\nexport const x = registerHandlers;\n"],
    ['electron/preload/x.ts', "import { Library } from '../core/library/library';\nexport const x = Library;\n"],
    ['electron/preload/x.ts', "import path from 'node:path';\nexport const x = path;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/x.ts', "import { Library } from '../../electron/core/library/library';\nexport const x = Library;\n"],
    ['renderer/src/x.ts', "import fs from 'fs';\nexport const x = fs;\n"],
    ['tests/unit/x.ts', "import { registerHandlers } from '../../electron/main/ipc';\nexport const x = registerHandlers;\n"],
    ['tests/glue/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['renderer/src/x.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
    // Packages made for Node, installed for core: the renderer and pure code may not have them.
    ['electron/shared/x.ts', "import lockfile from 'proper-lockfile';\nexport const x = lockfile;\n"],
    ['electron/shared/x.ts', "import { JSDOM } from 'jsdom';\nexport const x = JSDOM;\n"],
    ['renderer/src/x.ts', "import { JSDOM } from 'jsdom';\nexport const x = JSDOM;\n"],
    ['renderer/src/x.ts', "import writeFileAtomic from 'write-file-atomic';\nexport const x = writeFileAtomic;\n"],
    ['renderer/src/x.ts', "import lockfile from 'proper-lockfile';\nexport const x = lockfile;\n"],
    ['renderer/src/x.ts', "import type { Low } from 'lowdb';\nexport type X = Low<unknown>;\n"],
    ['electron/preload/x.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['electron/main/x.ts', "import lockfile from 'proper-lockfile';\nexport const x = lockfile;\n"],
    ['electron/core/x.ts', "import { test } from 'vitest';\nexport const x = test;\n"],
    ['electron/core/x.ts', "import writeFileAtomic from 'write-file-atomic';\nexport const x = writeFileAtomic;\n"],
  ])('rejects %s importing across a boundary (%#)', async (file, source) => {
    expect(await boundaryErrors(file, source)).toBe(1);
  });

  it.each([
    ['electron/core/x.ts', "import { readFile } from 'node:fs/promises';\nimport { ok } from '../shared/result';\nexport const x = [readFile, ok];\n"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { UserError } from '../core/errors';\nexport const x = [app, UserError];\n"],
    ['renderer/src/x.ts', "import DOMPurify from 'dompurify';\nimport { ok } from '../../electron/shared/result';\nexport const x = [DOMPurify, ok];\n"],
    ['tests/glue/x.ts', "import { registerHandlers } from '../../electron/main/ipc';\nimport { tempDir } from '../unit/support/temp-dir';\nexport const x = [registerHandlers, tempDir];\n"],
    ['renderer/src/x.ts', "import MarkdownIt from 'markdown-it';\nexport const x = MarkdownIt;\n"],
    ['electron/shared/x.ts', "import { z } from 'zod';\nimport diff from 'fast-diff';\nexport const x = [z, diff];\n"],
    ['electron/core/x.ts', "import lockfile from 'proper-lockfile';\nimport { JSDOM } from 'jsdom';\nimport { Low } from 'lowdb';\nexport const x = [lockfile, JSDOM, Low];\n"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
    ['tests/unit/x.test.ts', "import { test } from 'vitest';\nimport fc from 'fast-check';\nimport { JSDOM } from 'jsdom';\nexport const x = [test, fc, JSDOM];\n"],
  ])('allows %s its own imports (%#)', async (file, source) => {
    expect(await boundaryErrors(file, source)).toBe(0);
  });
});
