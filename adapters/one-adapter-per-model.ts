import type { OidcAdapter } from './contract.js';

/** oidc-provider asks for a model's adapter repeatedly; build each once (its statements, its keys). */
export function oneAdapterPerModel(create: (model: string) => OidcAdapter): (model: string) => OidcAdapter {
  const adapters = new Map<string, OidcAdapter>();
  return (model) => {
    let adapter = adapters.get(model);
    if (!adapter) adapters.set(model, (adapter = create(model)));
    return adapter;
  };
}
