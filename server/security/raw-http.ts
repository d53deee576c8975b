// Speaks HTTP/1.1 by hand over a socket, as a slow or hostile client would: headers now, a body
// later or never. For the security suite only; it never keeps a socket open after its test.

import http from 'node:http';
import net from 'node:net';

export interface RawExchange {
  socket: net.Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves when the server closed the connection, with the ms since it was opened. */
  closed: Promise<number>;
  /** Resolves with the status line once a response has started. */
  status: Promise<string>;
}

export function openRaw(port: number, head: string, localAddress = '127.0.0.1'): RawExchange {
  const opened = Date.now();
  const socket = net.connect({ port, host: '127.0.0.1', localAddress });
  let text = '';
  let resolveStatus: (line: string) => void = () => undefined;
  const status = new Promise<string>((resolve) => {
    resolveStatus = resolve;
  });
  socket.on('data', (chunk) => {
    text += chunk.toString('latin1');
    const line = /^HTTP\/1\.1 \d{3}[^\r\n]*/.exec(text);
    if (line) resolveStatus(line[0]);
  });
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => resolve(Date.now() - opened)),
  );
  if (head !== '') socket.write(head);
  return { socket, received: () => text, closed, status };
}

/** Resolves with the value, or 'timeout' when it has not settled within ms. */
export function within<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Writes one byte every `everyMs` until the socket closes: a slow-loris body. */
export function trickle(socket: net.Socket, everyMs: number): () => void {
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write('x');
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
  return () => clearInterval(timer);
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on its own connection, from `localAddress` (any 127.x.y.z is this machine). */
export function httpSend(
  url: string,
  method: string,
  headers: Record<string, string> = {},
  body?: string,
  localAddress?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method, headers, agent: false, ...(localAddress ? { localAddress } : {}) },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
