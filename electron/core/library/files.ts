// Where each record lives under the data dir (see DESIGN.md, "Data on disk").
import { join } from 'node:path';

export const libraryFile = (dataDir: string) => join(dataDir, 'library.json');
export const articleDir = (dataDir: string, id: string) => join(dataDir, 'articles', id);
export const articleHtmlFile = (dataDir: string, id: string) => join(articleDir(dataDir, id), 'article.html');
export const annotationsFile = (dataDir: string, id: string) => join(articleDir(dataDir, id), 'annotations.json');
export const articleMetaFile = (dataDir: string, id: string) => join(articleDir(dataDir, id), 'meta.json');
