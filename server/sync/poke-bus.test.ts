import { describe, expect, it } from 'vitest';
import { memoryPokeBus } from './poke-bus';

describe('the in-process poke bus', () => {
  it('delivers each poke to every subscriber until it unsubscribes', async () => {
    const bus = memoryPokeBus();
    const seen: string[] = [];
    const stopA = bus.subscribe((p) => seen.push(`a:${p.topic}`));
    bus.subscribe((p) => seen.push(`b:${p.topic}`));
    await bus.publish({ topic: 'interactions' });
    stopA();
    await bus.publish({ topic: 'directory' });
    expect(seen).toEqual(['a:interactions', 'b:interactions', 'b:directory']);
  });
});
