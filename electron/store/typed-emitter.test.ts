// The typed emitter: listeners hear their own event with its payload, stop when told, and one
// that throws never stops the others nor the code that emitted.

import { describe, expect, it } from 'vitest';
import { TypedEmitter } from './typed-emitter';

interface Events {
  changed: undefined;
  agent: string;
}

describe('the typed emitter', () => {
  it('hands each listener its event’s payload until it stops listening', () => {
    const events = new TypedEmitter<Events>();
    const heard: string[] = [];
    const off = events.on('agent', (id) => heard.push(id));
    events.on('changed', () => heard.push('changed'));
    events.emit('agent', 'usr_1');
    events.emit('changed', undefined);
    off();
    events.emit('agent', 'usr_2');
    expect(heard).toEqual(['usr_1', 'changed']);
  });

  it('tells `failed` about a listener that throws, and goes on with the others', () => {
    const failures: string[] = [];
    const events = new TypedEmitter<Events>((error, name) =>
      failures.push(`${String(name)}: ${(error as Error).message}`),
    );
    const heard: string[] = [];
    events.on('agent', () => {
      throw new Error('window gone');
    });
    events.on('agent', (id) => heard.push(id));
    expect(() => events.emit('agent', 'usr_1')).not.toThrow();
    expect(heard).toEqual(['usr_1']);
    expect(failures).toEqual(['agent: window gone']);
  });
});
