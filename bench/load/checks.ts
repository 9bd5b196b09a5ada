/** Named pass/fail checks of a phase: a check passes when its function resolves (with a detail to print). */
import { kindOf } from './sign-in-flow.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export class Checks {
  readonly list: Check[] = [];

  async run(name: string, check: () => Promise<string>): Promise<void> {
    try {
      this.list.push({ name, ok: true, detail: await check() });
    } catch (error) {
      this.list.push({ name, ok: false, detail: `${kindOf(error)}: ${(error as Error).message}` });
    }
  }
}
