import { describe, expect, it } from 'vitest';
import type { PokeBus, PokeNotice } from './poke-bus';
import { throttlePokes } from './poke-throttle';

function recordingBus(): { bus: PokeBus; sent: PokeNotice[] } {
  const sent: PokeNotice[] = [];
  return {
    sent,
    bus: {
      publish: (poke) => {
        sent.push(poke);
        return Promise.resolve();
      },
      subscribe: () => () => {},
      close: () => Promise.resolve(),
    },
  };
}

describe('throttlePokes', () => {
  it('pokes at once, then at most once per interval, and what was held back at flush', async () => {
    const { bus, sent } = recordingBus();
    let now = 0;
    const pokes = throttlePokes(bus, 1000, () => now);
    await pokes.publish({ topic: 'directory' });
    expect(sent).toHaveLength(1);
    now = 400;
    await pokes.publish({ topic: 'directory' });
    now = 900;
    await pokes.publish({ topic: 'directory' });
    expect(sent).toHaveLength(1);
    now = 1000;
    await pokes.publish({ topic: 'directory' });
    expect(sent).toHaveLength(2);
    now = 1200;
    await pokes.publish({ topic: 'directory' });
    await pokes.flush();
    expect(sent).toHaveLength(3);
    await pokes.flush();
    expect(sent).toHaveLength(3);
  });

  it('sends nothing at flush when nothing was held back', async () => {
    const { bus, sent } = recordingBus();
    const pokes = throttlePokes(bus, 1000, () => 0);
    await pokes.flush();
    expect(sent).toEqual([]);
  });
});
