import { StoreUnavailableError } from '../core/errors';

/** Says whether an error thrown by a store means the store cannot serve, and how to name it in one line. */
export interface FaultClassifier {
  /** A short description of the fault (an SQLite or SQLSTATE code), or undefined when it is not a store fault. */
  describe(error: unknown): string | undefined;
}

function translate(error: unknown, classifier: FaultClassifier, port: string): Error {
  if (error instanceof StoreUnavailableError) return error;
  const fault = classifier.describe(error);
  if (fault !== undefined) {
    return new StoreUnavailableError(`The ${port} store is unavailable (${fault}).`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error), { cause: error });
}

/**
 * Wraps every method of a store port so that store faults (as the adapter's classifier sees them) reject with
 * StoreUnavailableError, whether the method threw synchronously or rejected; other errors pass unchanged. Both
 * adapters hand out guarded ports, so callers only ever see one kind of store fault.
 */
export function guardPort<T extends object>(port: T, classifier: FaultClassifier, name: string): T {
  const rejectTranslated = (error: unknown) => Promise.reject(translate(error, classifier, name));
  // Each method's guard is made once: ports are called on every turn (a conversation saved, roles read).
  const guarded = new Map<PropertyKey, { method: (...args: unknown[]) => unknown; guard: unknown }>();
  return new Proxy(port, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      const known = guarded.get(key);
      if (known?.method === method) return known.guard;
      const guard = (...args: unknown[]): unknown => {
        try {
          const result = method.apply(target, args);
          return result instanceof Promise ? result.catch(rejectTranslated) : result;
        } catch (error) {
          return rejectTranslated(error);
        }
      };
      guarded.set(key, { method, guard });
      return guard;
    },
  });
}
