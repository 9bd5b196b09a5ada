import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | undefined;

/**
 * prom-client's process metrics (CPU seconds, resident memory, heap, event loop lag, handles),
 * in one registry for the process, made on first use. They describe the process, whichever
 * server asks; and each collectDefaultMetrics call starts an event-loop monitor and a GC observer
 * that are never stopped, so a process starting many servers (the tests) must not make one each.
 * prom-client's global default registry stays untouched.
 */
export function processMetrics(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
