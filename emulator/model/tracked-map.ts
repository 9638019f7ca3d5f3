/** Proxy → the plain object behind it, so the store serialises plain data and values are never wrapped twice. */
const targets = new WeakMap<object, object>();

export function untracked<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  return (targets.get(value) as T | undefined) ?? value;
}

/**
 * A Map that knows which keys changed since the last `drain()`: set/delete mark the key, and its values are deep
 * proxies that mark their key on any write, however deep (`inst.apps.push(…)`, `inst.subscription.renewals++`).
 * This lets a commit journal just the records a request touched, without every op having to report its writes.
 * Reads return the proxies; identity is stable (one proxy per object).
 */
export class TrackedMap<V extends object> extends Map<string, V> {
  private readonly dirty = new Set<string>();
  private readonly proxies = new WeakMap<object, object>();

  override set(key: string, value: V): this {
    this.dirty.add(key);
    return super.set(key, this.track(key, untracked(value)));
  }

  override delete(key: string): boolean {
    const had = super.delete(key);
    if (had) this.dirty.add(key);
    return had;
  }

  override clear(): void {
    for (const key of this.keys()) this.dirty.add(key);
    super.clear();
  }

  /** Puts a value without marking it changed (restoring saved state). */
  restore(key: string, value: V | null): void {
    if (value === null) super.delete(key);
    else super.set(key, this.track(key, value));
  }

  /** The keys changed since the last drain, with their plain current value (null: removed); then forgets them. */
  drain(): [string, V | null][] {
    const out: [string, V | null][] = [];
    for (const key of this.dirty) {
      const value = super.get(key);
      out.push([key, value === undefined ? null : untracked(value)]);
    }
    this.dirty.clear();
    return out;
  }

  /** Forgets pending changes (after a full snapshot has been saved). */
  markClean(): void {
    this.dirty.clear();
  }

  private track<T extends object>(key: string, value: T): T {
    const target = untracked(value);
    const known = this.proxies.get(target);
    if (known) return known as T;
    const proxy = new Proxy(target, {
      get: (t, p) => {
        const v: unknown = Reflect.get(t, p);
        return typeof v === 'object' && v !== null ? this.track(key, v) : v;
      },
      // No receiver: a receiver would route the write through defineProperty and mark it twice.
      set: (t, p, v) => {
        this.dirty.add(key);
        return Reflect.set(t, p, untracked(v));
      },
      deleteProperty: (t, p) => {
        this.dirty.add(key);
        return Reflect.deleteProperty(t, p);
      },
      defineProperty: (t, p, d) => {
        this.dirty.add(key);
        return Reflect.defineProperty(t, p, d);
      },
    });
    targets.set(proxy, target);
    this.proxies.set(target, proxy);
    return proxy;
  }
}
