import { dirname } from 'node:path';
import type { Middleware } from 'koa';
import type Provider from 'oidc-provider';
import type { Store } from '../../adapters/contract.js';
import { openStore, storeFilesReadableByOthers } from '../../adapters/open.js';
import { renderFailures } from '../../interactions/failures.js';
import { providerPages } from '../../interactions/pages.js';
import { accountRoutes } from '../../interactions/account-routes.js';
import { enrollmentRoutes } from '../../interactions/enroll-routes.js';
import { interactionRoutes } from '../../interactions/router.js';
import { publicFolder, webauthnBrowserFolder } from '../../interactions/views.js';
import { passkeyRoutes } from '../../interactions/passkey-routes.js';
import { PasskeyCeremonies } from '../passkeys/ceremonies.js';
import { RegistrationGrants } from '../passkeys/registration-grants.js';
import { PasskeySignIns } from '../access/passkey-sign-in.js';
import { PasskeyRegistrations } from '../access/passkey-registration.js';
import type { FacegateConfig } from '../config/types.js';
import { AccountData } from '../access/account-data.js';
import { AttemptLimits } from '../access/attempt-limits.js';
import { AuditTrail } from '../access/audit-trail.js';
import { startFaceService, type FaceService } from '../access/face-service.js';
import { SignInAttempts } from '../access/sign-in-attempt.js';
import { EnrollmentAttempts } from '../access/enrollment-attempt.js';
import { Challenges } from '../access/challenges.js';
import { ConsentPolicy } from '../access/consent.js';
import { keepRetention } from '../access/retention.js';
import type { RandomInt } from '../face/liveness/challenge.js';
import { FacegateMetrics } from '../metrics/facegate-metrics.js';
import { metricsEndpoint } from '../metrics/endpoint.js';
import { loadKeys } from '../keys/load.js';
import { firstPartyClients } from '../oidc/configuration.js';
import { createProvider } from '../oidc/provider.js';
import { createApp } from './app.js';
import type { HealthCheck } from './health.js';
import { isStoreUnavailable } from '../store-outage.js';
import { listen, type BeforeHeaders, type RequestHandler, type RunningServer } from './http-server.js';
import { addResponseHeaders } from './response-headers.js';
import { withRequestLog } from './request-log.js';
import { spend } from './request-context.js';
import { addServerTiming } from './server-timing.js';
import { timedStore } from './timed-store.js';
import { holdingResponses } from './held-responses.js';
import { answeringLateFailures } from './late-failures.js';
import { providerEndpointPaths, withProviderFastPath } from './provider-fast-path.js';
import { retryStart, waitingApp } from './store-wait.js';
import { createLogger, type Logger } from './logger.js';

/**
 * The composition root: the one place that knows every part (store, keys, provider, pages,
 * server) and wires them. Everything else receives what it needs.
 */
export interface Facegate {
  /** The issuer, as configured. */
  issuer: string;
  port: number;
  store: Store;
  face: FaceService;
  metrics: FacegateMetrics;
  /** The provider serving requests now (a reload replaces it). */
  readonly provider: Provider;
  /** Builds a provider from a new configuration and serves the next requests with it. */
  reload(config: FacegateConfig): Promise<void>;
  /** Stops accepting, finishes requests in flight, closes the store. */
  close(): Promise<void>;
}

/** Frames one sign-in attempt may carry (a burst for the liveness check). */
const MAX_FRAMES = 16;

export interface FacegateOptions {
  /** Made by createLogger, so that every line written during a request carries its id. */
  logger?: Logger;
  /** More health checks. */
  checks?: HealthCheck[];
  /** Tests only: how challenges pick their moves and their timeline (to replay a recorded head-turn video). */
  challengeMoves?: RandomInt;
  challengeTimeline?: RandomInt;
  /** Tests only: the time attempt limits and sign-in times go by (epoch ms), to test waits without waiting. */
  clock?: () => number;
}

export async function startFacegate(config: FacegateConfig, options: FacegateOptions = {}): Promise<Facegate> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = new FacegateMetrics();
  warnIfReadableByOthers(config, logger);
  const start = () => startParts(config, options, logger, metrics);
  // Only a store that can come back by itself is waited for: a SQLite file that cannot be opened
  // (bad path, no permission) stops the start at once, with its one-line error.
  const canWait = (error: unknown) => config.storage.type !== 'sqlite' && isStoreUnavailable(error);
  let parts: Parts;
  let server: RunningServer | undefined;
  try {
    parts = await start();
  } catch (error) {
    if (!canWait(error)) throw error;
    let lastError = error;
    const pageFailure: Middleware = (ctx, next) => pageShowing(lastError)(ctx, next);
    server = await listen(
      withRequestLog(waitingApp(() => lastError, pageFailure).callback(), logger),
      config.port,
      config.host,
      beforeHeaders,
    );
    logger.info(
      { issuer: config.issuer, port: server.port, store: config.storage.type },
      'facegate is listening; waiting for the store to finish starting',
    );
    const remembering = () =>
      start().catch((next: unknown) => {
        lastError = next;
        throw next;
      });
    parts = await retryStart(remembering, canWait, logger, error).catch(async (fatal: unknown) => {
      await server!.close();
      throw fatal;
    });
  }
  const { store, face, build } = parts;
  let current = parts.first;
  try {
    if (server) server.swap(current.handler);
    else server = await listen(current.handler, config.port, config.host, beforeHeaders);
  } catch (error) {
    await face.close();
    await store.close();
    throw error;
  }
  const running = server;
  logger.info({ issuer: config.issuer, port: running.port, store: store.backend }, 'facegate is serving');
  const { inactiveDays } = config.face.retention;
  const stopRetention =
    inactiveDays === null
      ? () => {}
      : keepRetention(
          store,
          inactiveDays,
          {
            removed: (removals) =>
              logger.info({ inactiveDays, removals }, 'retention: face templates of inactive accounts deleted'),
            failed: (error) =>
              logger.warn({ err: error }, 'retention: could not look for inactive accounts; next try in an hour'),
          },
          { now: options.clock },
        );

  return {
    issuer: config.issuer,
    port: running.port,
    store,
    face,
    metrics,
    get provider() {
      return current.provider;
    },
    async reload(next) {
      for (const key of ['issuer', 'port', 'host', 'storage', 'face'] as const) {
        if (JSON.stringify(next[key]) !== JSON.stringify(config[key])) {
          throw new Error(`"${key}" changed: it takes a restart, not a reload`);
        }
      }
      current = await build(next);
      running.swap(current.handler);
      logger.info({ clients: next.clients.length }, 'configuration reloaded');
    },
    async close() {
      stopRetention();
      await running.close();
      await face.close();
      await store.close();
    },
  };
}

/** The error page of a failure met outside the pages' own routes. */
const pageShowing =
  (error: unknown): Middleware =>
  (ctx) =>
    renderFailures(ctx, () => Promise.reject(error));

/** What every response carries, added as its headers are written: the security headers, then Server-Timing. */
const beforeHeaders: BeforeHeaders = (req, res) => {
  addResponseHeaders(req, res);
  addServerTiming(res);
};

/** Passkeys beside the face (configuration passkeys.enabled): their ceremonies, sign-ins, grants and routes. */
function passkeyParts(
  config: FacegateConfig,
  store: Store,
  limits: AttemptLimits,
  audit: AuditTrail,
  clock: (() => number) | undefined,
) {
  const ceremonies = new PasskeyCeremonies(
    store,
    {
      rpId: config.passkeys.rpId,
      userVerification: config.passkeys.userVerification,
      origin: new URL(config.issuer).origin,
      rpName: new URL(config.issuer).host,
    },
    clock,
  );
  const grants = new RegistrationGrants(store, clock);
  return {
    grants,
    signIn: new PasskeySignIns(store, ceremonies, limits, audit, config.ttl.interaction),
    routes: passkeyRoutes(new PasskeyRegistrations(grants, ceremonies, limits, audit, store.passkeys)),
  };
}

/** The store holds keys and biometric templates: say so when other users can read its files. */
function warnIfReadableByOthers(config: FacegateConfig, logger: Logger): void {
  const files = storeFilesReadableByOthers(config.storage);
  if (files.length === 0) return;
  logger.warn(
    { files },
    `the store's files can be read by other users of this machine (they hold the signing keys and face templates): chmod 600 ${files.join(' ')}`,
  );
}

interface Built {
  provider: Provider;
  handler: RequestHandler;
}

/** What one start attempt gives: the store, the face service, and the first build of the app. */
interface Parts {
  store: Store;
  face: FaceService;
  build(config: FacegateConfig): Promise<Built>;
  first: Built;
}

/** Opens the store, starts the face service, loads the keys and builds the app; undoes it all on failure. */
async function startParts(
  config: FacegateConfig,
  options: FacegateOptions,
  logger: Logger,
  metrics: FacegateMetrics,
): Promise<Parts> {
  // A request waits at its end for the commits of the writes it made or read (held-responses.ts).
  const holdCommit = holdingResponses(answeringLateFailures(pageShowing, logger, () => metrics.storeError('oidc')));
  const store = timedStore(await openStore(config.storage, { holdCommit }));
  let face: FaceService | undefined;
  try {
    face = await startFaceService(config.face, store, dirname(config.file), (op, timing) => {
      metrics.inferred(op, (timing.ended - timing.started) / 1000);
      spend('engine', timing.queued, timing.ended);
      spend('inference', timing.started, timing.ended);
    });
    const faceService = face;
    for (const older of face.legacy.loaded)
      logger.info({ model: face.model, older }, 'an older face model runs too, for accounts not carried over yet');
    for (const { model, accounts, reason } of face.legacy.unavailable)
      logger.warn(
        { model, accounts, reason },
        'accounts whose templates are all of a face model that cannot run cannot sign in',
      );
    const audit = new AuditTrail(store.audit, logger, (type, result) => metrics.attempt(type, result));
    const checks: HealthCheck[] = [
      { name: 'store', check: () => store.ping() },
      { name: 'models', check: () => faceService.check() },
      ...(options.checks ?? []),
    ];
    const build = async (next: FacegateConfig): Promise<Built> => {
      const keys = await loadKeys(store.keys);
      const provider = await createProvider({ config: next, store, keys, pages: providerPages });
      const challenges = new Challenges(keys.cookie, store.attempts, options.challengeMoves, options.challengeTimeline);
      provider.on('server_error', (_ctx, error) => {
        if (isStoreUnavailable(error)) metrics.storeError('oidc');
        logger.error({ err: error }, 'provider error');
      });
      const firstParty = firstPartyClients(next);
      const limits = new AttemptLimits(store.attempts, next.face.attempts, next.ttl.interaction, options.clock);
      const frames = { maxFrameBytes: next.face.maxImageBytes, maxFrames: MAX_FRAMES };
      const consent = new ConsentPolicy(next.consent, store.consents);
      const statement = { consent: next.consent, issuer: next.issuer, inactiveDays: next.face.retention.inactiveDays };
      const passkeys = next.passkeys.enabled ? passkeyParts(next, store, limits, audit, options.clock) : undefined;
      const routes = interactionRoutes(provider, {
        consent,
        statement,
        isFirstParty: (id) => firstParty.has(id),
        signIn: new SignInAttempts(
          faceService,
          limits,
          audit,
          challenges,
          next.face.attempts.accountAlarm,
          store.templates,
          store.accounts,
          options.clock,
        ),
        livenessByDefault: next.face.liveness === 'challenge',
        frames,
        passkeys: passkeys?.signIn,
      });
      const enrollment = enrollmentRoutes({
        frames,
        statement,
        passkeyGrants: passkeys?.grants,
        enrollment: new EnrollmentAttempts(
          store,
          faceService,
          limits,
          audit,
          consent,
          next.face.liveness === 'challenge' ? challenges : undefined,
        ),
      });
      const account = accountRoutes({
        provider,
        data: new AccountData(store, next.issuer),
        passkeyGrants: passkeys?.grants,
      });
      const app = createApp({
        provider,
        logger,
        checks,
        metrics,
        metricsEndpoint: metricsEndpoint(metrics, next.metrics),
        routes: [
          routes.routes(),
          routes.allowedMethods(),
          enrollment.routes(),
          enrollment.allowedMethods(),
          account.routes(),
          account.allowedMethods(),
          ...(passkeys ? [passkeys.routes.routes(), passkeys.routes.allowedMethods()] : []),
        ] as Middleware[],
        staticFolder: publicFolder,
        moreStatic: { '/static/webauthn': webauthnBrowserFolder },
      });
      const handler = withProviderFastPath(app.callback(), provider.callback(), providerEndpointPaths(provider));
      return { provider, handler: withRequestLog(handler, logger) };
    };
    const first = await build(config);
    metrics.watchEngine(() => faceService.engine.stats());
    return { store, face: faceService, build, first };
  } catch (error) {
    await face?.close();
    await store.close();
    throw error;
  }
}
