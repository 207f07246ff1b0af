/**
 * Splits a stream of text into lines without holding more than one chunk and one unfinished
 * line. A line ends at `\n`; one `\r` before it is part of the line ending (CRLF files), not of
 * the line, and is dropped, also on a last line that has no `\n`. Nothing else is trimmed: an
 * empty line is an empty line. Byte chunks are decoded as UTF-8 with a streaming decoder, so a
 * character split across two chunks is joined again; bytes that are not UTF-8 become U+FFFD, and
 * a byte order mark at the very start is dropped.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private carry = '';

  /** Calls `onLine` for every line that `chunk` completes. */
  push(chunk: Uint8Array | string, onLine: (line: string) => void): void {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (text.length === 0) return;
    let newline = text.indexOf('\n');
    if (newline < 0) {
      this.carry += text;
      return;
    }
    onLine(withoutCr(this.carry + text.slice(0, newline)));
    let start = newline + 1;
    while ((newline = text.indexOf('\n', start)) >= 0) {
      onLine(withoutCr(text.slice(start, newline)));
      start = newline + 1;
    }
    this.carry = text.slice(start);
  }

  /** Ends the input: emits a last line that had no `\n`, if any. */
  end(onLine: (line: string) => void): void {
    const rest = this.carry + this.decoder.decode();
    this.carry = '';
    // Text after the last `\n` is a line; nothing after it (a file ending in `\n`) is not.
    if (rest.length > 0) onLine(withoutCr(rest));
  }
}

function withoutCr(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}
