// What the kiosk tablet remembers between reloads: its session token (signed in once by staff) and
// its recent check-ins, whose exit survey it offers once they are done. Never a password or a name.

export type KioskStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const TOKEN = 'deskpad.kiosk.token';
const RECENT = 'deskpad.kiosk.recent';
/** A visit older than this is no longer asked about. */
export const RECENT_FOR_MS = 8 * 60 * 60_000;
const RECENT_MAX = 50;

export interface RecentCheckIn {
  id: string;
  /** When it was checked in here (ISO). */
  at: string;
}

export function kioskMemory(storage: KioskStorage, now: () => Date) {
  const read = (): RecentCheckIn[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(RECENT) ?? '[]');
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (r): r is RecentCheckIn =>
          typeof r === 'object' &&
          r !== null &&
          typeof (r as RecentCheckIn).id === 'string' &&
          typeof (r as RecentCheckIn).at === 'string',
      );
    } catch {
      return [];
    }
  };
  const write = (list: readonly RecentCheckIn[]): void => {
    storage.setItem(RECENT, JSON.stringify(list.slice(-RECENT_MAX)));
  };
  return {
    token: (): string | null => storage.getItem(TOKEN),
    setToken: (token: string | null): void => {
      if (token === null) storage.removeItem(TOKEN);
      else storage.setItem(TOKEN, token);
    },
    /** The recent check-ins still worth asking about, oldest first. */
    recent: (): RecentCheckIn[] => {
      const since = now().getTime() - RECENT_FOR_MS;
      return read().filter((r) => Date.parse(r.at) >= since);
    },
    remember: (id: string): void => {
      write([...read().filter((r) => r.id !== id), { id, at: now().toISOString() }]);
    },
    forget: (id: string): void => {
      write(read().filter((r) => r.id !== id));
    },
  };
}
export type KioskMemory = ReturnType<typeof kioskMemory>;
