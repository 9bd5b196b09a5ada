import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON lines on stdout. What we log is chosen field by field (method, path, status,
 * time): never headers, cookies, query strings, bodies or tokens, so redaction is not needed.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'facegate' } });
}
