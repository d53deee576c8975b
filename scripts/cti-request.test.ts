// The bytes a phone system sends: each event read off the wire by a loopback recorder (a plain
// node:http server), in JSON and in form data, and how the server's answer is read.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ctiBody, postCti, readAction, type CtiFields } from './cti-request.mjs';

interface Recorded {
  method: string;
  url: string;
  contentType: string;
  contentLength: string;
  body: string;
}

let recorder: http.Server;
let base: string;
const recorded: Recorded[] = [];
/** What the recorder answers next: status and body. */
let reply: { status: number; body: string } = { status: 200, body: '{}' };

beforeAll(async () => {
  recorder = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      recorded.push({
        method: req.method ?? '',
        url: req.url ?? '',
        contentType: req.headers['content-type'] ?? '',
        contentLength: req.headers['content-length'] ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => recorder.close(resolve));
});

beforeEach(() => {
  recorded.length = 0;
  reply = { status: 200, body: '{}' };
});

/** Zammad's inbound newCall example, rung for two agents. */
const newCall: CtiFields = {
  event: 'newCall',
  from: '493023125741',
  to: '492214710334',
  direction: 'in',
  callId: '307fa962-de8d-4ffc-817b-7f6993204159',
  user: ['Christopher Miller', 'Emma Taylor'],
};

const hangup: CtiFields = {
  event: 'hangup',
  from: '493023125741',
  to: '492214710334',
  direction: 'in',
  callId: '307fa962-de8d-4ffc-817b-7f6993204159',
  user: ['Emma Taylor'],
  answeringNumber: 'emma@chrispresso.com',
  cause: 'normalClearing',
};

describe('a CTI event on the wire', () => {
  it('in form data says user[] once per agent, in the documented order, spaces as +', async () => {
    const answer = await postCti(`${base}/api/v1/cti/secret-token`, newCall, 'form');
    expect(answer.status).toBe(200);
    expect(recorded).toEqual([
      {
        method: 'POST',
        url: '/api/v1/cti/secret-token',
        contentType: 'application/x-www-form-urlencoded',
        contentLength: String(recorded[0]?.body.length),
        body:
          'event=newCall&from=493023125741&to=492214710334&direction=in' +
          '&callId=307fa962-de8d-4ffc-817b-7f6993204159' +
          '&user[]=Christopher+Miller&user[]=Emma+Taylor',
      },
    ]);
  });

  it('in form data says user[] even for one agent, and escapes what must be escaped', async () => {
    await postCti(
      `${base}/api/v1/cti/t`,
      { ...hangup, user: ['Zoë & Co'], queue: 'help desk' },
      'form',
    );
    expect(recorded[0]?.body).toBe(
      'event=hangup&from=493023125741&to=492214710334&direction=in' +
        '&callId=307fa962-de8d-4ffc-817b-7f6993204159&user[]=Zo%C3%AB+%26+Co&queue=help+desk' +
        '&answeringNumber=emma%40chrispresso.com&cause=normalClearing',
    );
    // What the server's form parser reads back is what was meant.
    const read = new URLSearchParams(recorded[0]?.body);
    expect(read.getAll('user[]')).toEqual(['Zoë & Co']);
    expect(read.get('answeringNumber')).toBe('emma@chrispresso.com');
    expect(Number(recorded[0]?.contentLength)).toBe(Buffer.byteLength(recorded[0]?.body ?? ''));
  });

  it('in JSON sends user as an array for several agents and as a string for one', async () => {
    await postCti(`${base}/api/v1/cti/t`, newCall, 'json');
    await postCti(`${base}/api/v1/cti/t`, hangup, 'json');
    expect(recorded.map((r) => r.contentType)).toEqual(['application/json', 'application/json']);
    expect(recorded[0]?.body).toBe(
      '{"event":"newCall","from":"493023125741","to":"492214710334","direction":"in",' +
        '"callId":"307fa962-de8d-4ffc-817b-7f6993204159","user":["Christopher Miller","Emma Taylor"]}',
    );
    expect(JSON.parse(recorded[1]?.body ?? '')).toEqual({
      event: 'hangup',
      from: '493023125741',
      to: '492214710334',
      direction: 'in',
      callId: '307fa962-de8d-4ffc-817b-7f6993204159',
      user: 'Emma Taylor',
      answeringNumber: 'emma@chrispresso.com',
      cause: 'normalClearing',
    });
  });

  it('leaves out fields that are not set, in both encodings', () => {
    const answer: CtiFields = {
      event: 'answer',
      from: '1',
      to: '2',
      direction: 'out',
      callId: 'c',
    };
    expect(ctiBody(answer, 'form').body).toBe('event=answer&from=1&to=2&direction=out&callId=c');
    expect(ctiBody({ ...answer, user: [] }, 'json').body).toBe(
      '{"event":"answer","from":"1","to":"2","direction":"out","callId":"c"}',
    );
  });
});

describe('the server’s answer', () => {
  it('reads {} as carry on and {"action":"reject"} as reject, with or without a reason', async () => {
    const url = `${base}/api/v1/cti/t`;
    expect(readAction(await postCti(url, newCall, 'json'))).toBe('continue');
    reply = { status: 200, body: '{"action":"reject"}' };
    expect(readAction(await postCti(url, newCall, 'json'))).toBe('reject');
    reply = { status: 200, body: '{"action":"reject","reason":"busy"}' };
    expect(readAction(await postCti(url, newCall, 'json'))).toBe('reject');
  });

  it('reads an error status or a body that is not a JSON object as invalid', async () => {
    const url = `${base}/api/v1/cti/t`;
    reply = { status: 500, body: '{}' };
    const failed = await postCti(url, newCall, 'json');
    expect([failed.status, readAction(failed)]).toEqual([500, 'invalid']);
    reply = { status: 200, body: 'OK' };
    const text = await postCti(url, newCall, 'json');
    expect([text.text, text.json, readAction(text)]).toEqual(['OK', null, 'invalid']);
  });
});
