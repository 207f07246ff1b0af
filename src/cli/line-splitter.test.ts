import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { LineSplitter } from './line-splitter.ts';

/** Feeds the chunks in order and returns every line the splitter emitted. */
function split(chunks: readonly (Uint8Array | string)[]): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter();
  const onLine = (line: string) => lines.push(line);
  for (const chunk of chunks) splitter.push(chunk, onLine);
  splitter.end(onLine);
  return lines;
}

/** Cuts `bytes` before each of the given offsets. */
function cut(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const bounds = [...new Set(offsets)]
    .filter((n) => n > 0 && n < bytes.length)
    .sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const bound of [...bounds, bytes.length]) {
    chunks.push(bytes.subarray(start, bound));
    start = bound;
  }
  return chunks;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('LineSplitter', () => {
  it('splits on LF and emits a last line that has no newline', () => {
    assert.deepEqual(split(['a\nbb\nccc']), ['a', 'bb', 'ccc']);
  });

  it('does not invent a line after a final newline', () => {
    assert.deepEqual(split(['a\nb\n']), ['a', 'b']);
  });

  it('emits nothing for empty input', () => {
    assert.deepEqual(split([]), []);
    assert.deepEqual(split(['', new Uint8Array(0)]), []);
  });

  it('keeps empty lines, as empty IDs', () => {
    assert.deepEqual(split(['\n\na\n\n']), ['', '', 'a', '']);
  });

  it('drops one CR before LF, also on the last line, and keeps everything else', () => {
    assert.deepEqual(split(['a\r\nb\r\r\n c \r']), ['a', 'b\r', ' c ']);
    assert.deepEqual(split(['\r\n']), ['']);
  });

  it('joins a line cut at every possible place, including between CR and LF', () => {
    const text = 'NL*TNM*E1*23\r\nNL-TNM-C00122045-K\n\nBE*BEC';
    const expected = ['NL*TNM*E1*23', 'NL-TNM-C00122045-K', '', 'BE*BEC'];
    for (let i = 0; i <= text.length; i++) {
      assert.deepEqual(split([text.slice(0, i), text.slice(i)]), expected, `cut at ${i}`);
      assert.deepEqual(split(cut(utf8(text), [i])), expected, `byte cut at ${i}`);
    }
  });

  it('decodes a multi-byte character split across chunks', () => {
    const bytes = utf8('É1\n€\n😀x');
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j++) {
        assert.deepEqual(split(cut(bytes, [i, j])), ['É1', '€', '😀x'], `cuts at ${i}, ${j}`);
      }
    }
  });

  it('turns bytes that are not UTF-8, and a truncated last character, into U+FFFD', () => {
    assert.deepEqual(split([Uint8Array.of(0x41, 0xff, 0x0a, 0xe2, 0x82)]), ['A\ufffd', '\ufffd']);
  });

  it('drops a byte order mark at the start only', () => {
    assert.deepEqual(split([Uint8Array.of(0xef, 0xbb), Uint8Array.of(0xbf, 0x41, 0x0a)]), ['A']);
    assert.deepEqual(split(['A\n\ufeffB']), ['A', '\ufeffB']);
  });

  it('gives back the lines it was given, however the bytes are chunked', () => {
    const line = fc
      .string({ unit: 'binary' })
      .map((s) => s.replaceAll('\n', '').replaceAll('\r', ''));
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.nat({ max: 400 }), { maxLength: 12 }),
        (lines, eol, finalEol, offsets) => {
          // A leading U+FEFF would be read as a byte order mark, which is a separate case above.
          fc.pre(!lines[0]!.startsWith('\ufeff'));
          const text = lines.join(eol) + (finalEol ? eol : '');
          // Without a final newline, a last empty line cannot be told from a final newline.
          const expected = !finalEol && lines.at(-1) === '' ? lines.slice(0, -1) : lines;
          assert.deepEqual(split(cut(utf8(text), offsets)), expected);
        },
      ),
    );
  });
});
