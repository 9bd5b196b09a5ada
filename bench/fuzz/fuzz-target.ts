/**
 * The server the fuzzer throws inputs at, run as an operator runs it (a child process, so a crash
 * is seen as a crash, not taken down with the fuzzer): SQLite, liveness off unless a sign-in asks
 * for it, the attempt limits opened wide (the fuzzer is one IP failing on purpose thousands of
 * times). One person is enrolled through the real invitation link and signed in once with their
 * face, so the fuzzer has a session from which fresh codes come without a face check.
 */
import { randomBytes, createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/support/free-port.js';
import { Agent } from '../load/agent.js';
import { benchConfig } from '../load/bench-config.js';
import { ChildServer } from '../load/child-server.js';
import { benchPeople, enrollAt, inviteLink } from '../load/people.js';
import { CALLBACK, CLIENT_ID, RelyingParty } from '../load/relying-party.js';
import { signIn } from '../load/sign-in-flow.js';
import { faceLivenessAcr } from '../../src/oidc/acr.js';
import type { TokenMaterial } from './token-inputs.js';

export class FuzzTarget {
  private constructor(
    readonly server: ChildServer,
    private readonly folder: string,
    private session: Agent,
    private readonly rp: RelyingParty,
    private readonly snapshot: Buffer,
  ) {}

  static async start(): Promise<FuzzTarget> {
    const folder = mkdtempSync(join(tmpdir(), 'facegate-fuzz-'));
    const port = await freePort();
    const config = benchConfig(
      port,
      { type: 'sqlite', file: join(folder, 'facegate.sqlite') },
      {
        workers: 1,
        attempts: { perInteraction: 5, perIp: { max: 1_000_000, windowSeconds: 1 } },
      },
    );
    const server = await ChildServer.start('fuzz', join(folder, 'facegate.config.json'), {
      ...config,
      logLevel: 'warn',
    });
    const [person] = await benchPeople();
    await enrollAt(await inviteLink(server.configFile, person!.accountId), person!);
    const rp = await RelyingParty.discover(server.origin);
    return new FuzzTarget(server, folder, new Agent([server.origin]), rp, person!.snapshots[0]);
  }

  get origin(): string {
    return this.server.origin;
  }

  /** The process is still there (a crash or an abort leaves none). */
  get alive(): boolean {
    try {
      process.kill(this.server.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** GET /healthz answers 200. */
  async healthy(): Promise<boolean> {
    return fetch(`${this.origin}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
  }

  /** A new sign-in on its face page, in a browser of its own; with `liveness`, it asks for the challenge and has one. */
  async facePage(liveness: boolean): Promise<{ agent: Agent; page: URL; challenge?: string }> {
    const agent = new Agent([this.origin]);
    const params = new URLSearchParams({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: CALLBACK,
      scope: 'openid',
      code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
      code_challenge_method: 'S256',
      ...(liveness ? { acr_values: faceLivenessAcr } : {}),
    });
    const { url: page } = await agent.follow(new URL(`/auth?${params}`, this.origin));
    if (!page.pathname.startsWith('/interaction/')) throw new Error(`no face page: ${page.href}`);
    if (!liveness) return { agent, page };
    const response = await agent.request(new URL(`${page.pathname}/challenge`, page), {
      method: 'POST',
      accept: 'application/json',
    });
    const { token } = (await response.json()) as { token?: string };
    return { agent, page, challenge: token };
  }

  /** A fresh code and its verifier, from the signed-in session (no face check); signs in again if the session is gone. */
  async freshCode(): Promise<Pick<TokenMaterial, 'code' | 'verifier'>> {
    for (let tries = 0; tries < 2; tries++) {
      const verifier = randomBytes(32).toString('base64url');
      const params = new URLSearchParams({
        client_id: CLIENT_ID,
        response_type: 'code',
        redirect_uri: CALLBACK,
        scope: 'openid offline_access',
        prompt: 'consent',
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      });
      const { url } = await this.session.follow(new URL(`/auth?${params}`, this.origin));
      const code = url.searchParams.get('code');
      if (code) return { code, verifier };
      await this.signInAgain();
    }
    throw new Error('no code from the signed-in session');
  }

  /** Token material to start from: a fresh code and a live refresh token. */
  async material(): Promise<TokenMaterial> {
    const refreshToken = await this.signInAgain();
    return { clientId: CLIENT_ID, redirectUri: CALLBACK, refreshToken, ...(await this.freshCode()) };
  }

  /** Stops the server and deletes its folder (SQLite file, config, log). */
  async stop(): Promise<void> {
    await this.server.stop();
    rmSync(this.folder, { recursive: true, force: true });
  }

  /** Signs the person in with their face (the load bench's flow); the live refresh token it ends with. */
  private async signInAgain(): Promise<string> {
    const signedIn = await signIn(this.rp, this.snapshot, { providers: [this.origin] });
    this.session = signedIn.agent;
    return signedIn.refreshToken;
  }
}
