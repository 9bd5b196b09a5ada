#!/usr/bin/env node
// The container's HEALTHCHECK: exit 0 when facegate's readiness endpoint answers 200 (the store
// answers and the models are loaded), 1 otherwise. Node has fetch; the slim image has no curl.
const port = process.env.FACEGATE_PORT || '3000';
try {
  const response = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2500) });
  process.exitCode = response.ok ? 0 : 1;
} catch {
  process.exitCode = 1;
}
