import { describe, expect, it } from 'vitest';
import { encodeTextDirectiveTerm, textDirective, textFragmentUrl } from '../../electron/core/export/text-fragment';

describe('text fragment links', () => {
  it('percent-encodes the directive separators -, & and , inside terms', () => {
    expect(encodeTextDirectiveTerm('well-known, A&B')).toBe('well%2Dknown%2C%20A%26B');
  });

  it('links a short passage whole, with the words around it as prefix and suffix', () => {
    const url = textFragmentUrl('https://example.org/a#old', { exact: 'the 10:45', prefix: 'He said, take ', suffix: ' train, not the other' });
    expect(url).toBe('https://example.org/a#:~:text=He%20said%2C%20take-,the%2010%3A45,-train%2C%20not%20the');
  });

  it('drops a context word cut in half by the stored context length', () => {
    const prefix = 'ncomprehensibilities were ended ';
    const suffix = ' at ten; incomprehensibilitiesss';
    expect([prefix.length, suffix.length]).toEqual([32, 32]);
    expect(textDirective({ exact: 'boarded', prefix, suffix })).toBe('text=were%20ended-,boarded,-at%20ten%3B');
    // Shorter context reaches the start of the text: its first word is whole.
    expect(textDirective({ exact: 'boarded', prefix: 'They ', suffix: '' })).toBe('text=They-,boarded');
  });

  it('links a passage across paragraphs by its first and last words', () => {
    const directive = textDirective({ exact: 'First paragraph ends here.\nSecond one starts, and goes on and on for a while.', prefix: '', suffix: '' });
    expect(directive).toBe('text=First%20paragraph%20ends%20here.,and%20on%20for%20a%20while.');
  });

  it('links a long passage by its first and last five words', () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    expect(textDirective({ exact: long, prefix: '', suffix: '' })).toBe('text=word0%20word1%20word2%20word3%20word4,word75%20word76%20word77%20word78%20word79');
  });

  it('gives no link without a web source', () => {
    const quote = { exact: 'x', prefix: '', suffix: '' };
    expect(textFragmentUrl(null, quote)).toBeNull();
    expect(textFragmentUrl('file:///home/a.html', quote)).toBeNull();
  });
});
