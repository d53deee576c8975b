// The lobby board's chime when someone is called: two soft tones made with Web Audio (no sound
// file). Never throws: a screen whose browser blocks sound still shows the call.

/** What the chime needs of an AudioContext (a test passes its own). */
export type ChimeAudio = Pick<
  AudioContext,
  'currentTime' | 'destination' | 'state' | 'resume' | 'createOscillator' | 'createGain'
>;

export interface Chime {
  play(): void;
  /** The browser keeps sound off until someone touches the page (autoplay rules). */
  blocked(): boolean;
  /** Call from a click or key press: lets the chime sound from then on. */
  unblock(): Promise<void>;
}

const TONES = [
  { hz: 880, at: 0 },
  { hz: 660, at: 0.35 },
] as const;

export function createChime(makeAudio: () => ChimeAudio | null): Chime {
  let audio: ChimeAudio | null = null;
  const context = (): ChimeAudio | null => {
    try {
      audio ??= makeAudio();
    } catch {
      audio = null;
    }
    return audio;
  };
  return {
    play() {
      const ctx = context();
      if (!ctx) return;
      try {
        const start = ctx.currentTime;
        for (const tone of TONES) {
          const oscillator = ctx.createOscillator();
          const gain = ctx.createGain();
          oscillator.type = 'sine';
          oscillator.frequency.value = tone.hz;
          gain.gain.setValueAtTime(0.0001, start + tone.at);
          gain.gain.exponentialRampToValueAtTime(0.4, start + tone.at + 0.03);
          gain.gain.exponentialRampToValueAtTime(0.0001, start + tone.at + 0.9);
          oscillator.connect(gain).connect(ctx.destination);
          oscillator.start(start + tone.at);
          oscillator.stop(start + tone.at + 1);
        }
      } catch {
        // No sound: the highlighted line still says who is called.
      }
    },
    blocked: () => context()?.state === 'suspended',
    async unblock() {
      await context()
        ?.resume()
        .catch(() => undefined);
    },
  };
}

/** The page's real audio, or null where the browser has none. */
export const browserAudio = (): ChimeAudio | null =>
  typeof AudioContext === 'function' ? new AudioContext() : null;
