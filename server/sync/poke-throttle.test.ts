import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PokeBus, PokeNotice } from './poke-bus';
import { coalescePokes, throttlePokes } from './poke-throttle';

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

describe('coalescePokes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('pokes a lone event at once and a burst once per window, never losing the last', async () => {
    vi.useFakeTimers();
    const { bus, sent } = recordingBus();
    const pokes = coalescePokes(bus, 100, () => Date.now());
    await pokes.publish({ topic: 'interactions' });
    expect(sent).toHaveLength(1);
    // 30 events in the next 90 ms: held, then one poke when the window ends.
    for (let i = 0; i < 30; i += 1) {
      await vi.advanceTimersByTimeAsync(3);
      await pokes.publish({ topic: 'interactions' });
    }
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(2);
    // Quiet for a while: the next lone event goes at once again.
    await vi.advanceTimersByTimeAsync(500);
    await pokes.publish({ topic: 'interactions' });
    expect(sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(3);
  });

  it('never pokes twice within a window, when one went out at once meanwhile', async () => {
    vi.useFakeTimers();
    const { bus } = recordingBus();
    const times: number[] = [];
    const timed: PokeBus = {
      ...bus,
      publish: (poke) => (times.push(Date.now()), bus.publish(poke)),
    };
    const pokes = coalescePokes(timed, 100, () => Date.now());
    const start = Date.now();
    await pokes.publish({ topic: 'interactions' });
    await vi.advanceTimersByTimeAsync(50);
    await pokes.publish({ topic: 'interactions' }); // held: its window ends at 100
    await vi.advanceTimersByTimeAsync(50);
    await pokes.publish({ topic: 'interactions' }); // the timer's turn, or this one's
    await vi.advanceTimersByTimeAsync(5);
    await pokes.publish({ topic: 'interactions' }); // held again, until 200
    await vi.advanceTimersByTimeAsync(300);
    expect(times.map((at) => at - start)).toEqual([0, 100, 200]);
  });

  it('sends what it holds when closed', async () => {
    vi.useFakeTimers();
    const { bus, sent } = recordingBus();
    const pokes = coalescePokes(bus, 100, () => Date.now());
    await pokes.publish({ topic: 'interactions' });
    await pokes.publish({ topic: 'interactions' });
    expect(sent).toHaveLength(1);
    await pokes.close();
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(2);
  });
});
