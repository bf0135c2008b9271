/**
 * A bounded least-recently-used cache: at most `capacity` entries, the one used longest ago dropped first. Used to
 * remember per-text work (a stem, an answer) so repeated words and messages are not worked out again; memory stays
 * bounded whatever the traffic.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`An LRU cache needs a whole capacity of at least 1 (got ${capacity}).`);
  }

  /** The number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, marking it recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value` for `key`, dropping the least recently used entry when full. */
  set(key: K, value: V): void {
    if (this.entries.has(key)) this.entries.delete(key);
    else if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }

  /** The cached value for `key`, or `compute(key)` remembered (undefined values are not cached). */
  through(key: K, compute: (key: K) => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }
}
