/**
 * Short-lived records spent once (a WebAuthn challenge, a registration grant, a face step waiting
 * for its passkey), kept through the store's oidc-provider adapter under a model of their own: it
 * expires records and spends them atomically on every backend, so no backend needs more code.
 */
import type { OidcAdapter, Store } from '../../adapters/contract.js';
import { AlreadyConsumedError } from '../../adapters/errors.js';

export class OneTimeRecords<T extends object> {
  private readonly adapter: OidcAdapter;

  constructor(store: Store, model: string) {
    this.adapter = store.adapterFor(model);
  }

  /** Keeps `value` under `id` for `seconds`, replacing what was there (unspent again). */
  async put(id: string, value: T, seconds: number): Promise<void> {
    await this.adapter.upsert(id, { value }, seconds);
  }

  /** The value, unless unknown, expired or spent; does not spend it. */
  async peek(id: string): Promise<T | undefined> {
    const record = await this.adapter.find(id);
    return record && record.consumed === undefined ? (record.value as T) : undefined;
  }

  /** Spends it and gives its value: of concurrent calls one gets it, the others (and every later one) undefined. */
  async take(id: string): Promise<T | undefined> {
    const value = await this.peek(id);
    if (value === undefined) return undefined;
    try {
      await this.adapter.consume(id);
    } catch (error) {
      if (error instanceof AlreadyConsumedError) return undefined;
      throw error;
    }
    await this.adapter.destroy(id);
    return value;
  }
}
