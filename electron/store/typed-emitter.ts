// A small typed event emitter: a name per event, a payload type per name. Never lets a listener's
// failure reach the code that emitted (it goes to the `failed` callback, the log).

export type Listener<T> = (payload: T) => void;

export class TypedEmitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();
  private readonly failed: (error: unknown, name: keyof Events) => void;

  constructor(failed: (error: unknown, name: keyof Events) => void = () => undefined) {
    this.failed = failed;
  }

  /** Listens to `name` until the returned function is called. */
  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as Listener<Events[K]>)(payload);
      } catch (error) {
        this.failed(error, name);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
