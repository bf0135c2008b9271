import { LruCache } from '../../core/lru';

describe('LruCache', () => {
  it('keeps at most its capacity, dropping the entry used longest ago', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('replaces a value without growing, and computes a missing value once', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 5);
    expect(cache.size).toBe(1);
    let calls = 0;
    const twice = (key: string) => {
      calls++;
      return key.length * 2;
    };
    expect(cache.through('abc', twice)).toBe(6);
    expect(cache.through('abc', twice)).toBe(6);
    expect(calls).toBe(1);
    expect(cache.get('a')).toBe(5);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('refuses a capacity that is not a whole number of at least one', () => {
    expect(() => new LruCache(0)).toThrow(/capacity of at least 1/);
    expect(() => new LruCache(1.5)).toThrow(/capacity of at least 1/);
  });
});
