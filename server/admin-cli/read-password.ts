// Reads a password for the command line: typed without echo on a terminal (asked twice), or the
// first line of standard input when it is piped. Never echoes, logs or keeps it.

import type { Readable, Writable } from 'node:stream';

interface Terminal extends Readable {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/** One line typed with echo off; Ctrl+C or Ctrl+D cancels. */
function typeSilently(prompt: string, input: Terminal, output: Writable): Promise<string> {
  output.write(prompt);
  input.setRawMode?.(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (): void => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new Error('Cancelled: no account was created.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    input.on('data', onData);
  });
}

/** Standard input up to its first line break (or its end), without the line break. */
async function firstLine(input: Readable): Promise<string> {
  let text = '';
  input.setEncoding('utf8');
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n') || text.length > 4096) break;
  }
  return text.split(/\r?\n/, 1)[0] ?? '';
}

export function passwordReader(
  input: Terminal,
  output: Writable,
): (prompt: string, confirm: boolean) => Promise<string> {
  return async (prompt, confirm) => {
    if (!input.isTTY) {
      const line = await firstLine(input);
      if (line === '') throw new Error('No password on standard input (pipe one line in).');
      return line;
    }
    const first = await typeSilently(prompt, input, output);
    if (!confirm) return first;
    const again = await typeSilently('Type it again: ', input, output);
    if (again !== first) throw new Error('The two passwords differ: no account was created.');
    return first;
  };
}
