/**
 * The store, with the time of each call put to the request that made it (Server-Timing's store
 * time, time-spent.ts): every sub-store and every oidc-provider adapter, on any backend. It wraps
 * what the contract exposes without naming it, so a sub-store added later is timed as well.
 * Calls outside a request (the sweeps, the gallery's reloads, the start) are not counted anywhere.
 */
import type { OidcAdapter, Store } from '../../adapters/contract.js';
import { spend } from './request-context.js';

export function timedStore(store: Store): Store {
  const adapters = new Map<string, OidcAdapter>();
  const adapterFor = (model: string): OidcAdapter => {
    let adapter = adapters.get(model);
    if (!adapter) adapters.set(model, (adapter = timed(store.adapterFor(model))));
    return adapter;
  };
  return timed(store, { adapterFor });
}

/** `target` with its methods timed and its object-valued properties (the sub-stores) likewise; `own` replaces some. */
function timed<T extends object>(target: T, own: Record<string, unknown> = {}): T {
  const wrapped = new Map<PropertyKey, unknown>(Object.entries(own));
  return new Proxy(target, {
    get(object, property) {
      if (wrapped.has(property)) return wrapped.get(property);
      const value: unknown = Reflect.get(object, property, object);
      let replacement: unknown;
      if (typeof value === 'function') replacement = timedMethod(object, value as (...args: unknown[]) => unknown);
      else if (value !== null && typeof value === 'object') replacement = timed(value);
      else return value;
      wrapped.set(property, replacement);
      return replacement;
    },
  });
}

function timedMethod(object: object, method: (...args: unknown[]) => unknown) {
  return (...args: unknown[]): unknown => {
    const start = performance.now();
    const result = method.apply(object, args);
    if (result instanceof Promise) {
      return result.finally(() => spend('store', start, performance.now()));
    }
    spend('store', start, performance.now());
    return result;
  };
}
