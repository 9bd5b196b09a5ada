/** What the figures were measured on. */
import { cpus, totalmem } from 'node:os';

export interface Machine {
  cpus: number;
  model: string;
  node: string;
  memory_gb: number;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    memory_gb: Math.round(totalmem() / 2 ** 30),
  };
}
