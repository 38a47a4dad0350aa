import { describe, expect, it } from 'vitest';
import { contextMenuEntries } from '../../electron/core/context-menu';
import { isExternalWebUrl } from '../../electron/core/security/trusted-sender';

describe('reader context menu', () => {
  it('offers highlight, note and copy for selected text', () => {
    const entries = contextMenuEntries({ selectionText: 'sky shield', isEditable: false, linkURL: '' }, isExternalWebUrl);
    expect(entries.map((e) => (e.kind === 'command' ? e.command : e.kind === 'role' ? e.role : e.kind))).toEqual(['highlight-selection', 'note-selection', 'separator', 'copy']);
  });

  it('offers the usual editing entries in a text field, and web links only to the browser', () => {
    expect(contextMenuEntries({ selectionText: 'x', isEditable: true, linkURL: '' }, isExternalWebUrl).map((e) => (e.kind === 'role' ? e.role : e.kind))).toEqual(['cut', 'copy', 'paste', 'separator', 'selectAll']);
    expect(contextMenuEntries({ selectionText: '', isEditable: false, linkURL: 'https://example.org/' }, isExternalWebUrl)).toEqual([{ kind: 'open-link', label: 'Open Link in Browser', url: 'https://example.org/' }]);
    expect(contextMenuEntries({ selectionText: '', isEditable: false, linkURL: 'javascript:alert(1)' }, isExternalWebUrl)).toEqual([]);
  });
});
