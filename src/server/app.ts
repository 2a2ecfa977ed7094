// The composition root: builds the store, services, HTTP routes and socket server from a
// config, and returns handles to start and stop them. Tests build apps through this too.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import crypto from 'node:crypto';
import type { Server as SocketIoServer } from 'socket.io';
import type { Config } from './config.js';
import { systemClock, type Clock } from '../app/clock.js';
import { createLogger, type Logger } from './logger.js';
import { migrateToLatest, openStore } from '../store/database.js';
import { createRepositories } from '../store/repositories.js';
import { StaffSessions } from './auth/staffSessions.js';
import { LoginThrottle } from './auth/loginThrottle.js';
import { AddressRateLimiter, letterPolicy } from './abuse/addressRateLimiter.js';
import { AddressBlockList } from './abuse/addressBlockList.js';
import type { AppContext } from './appContext.js';
import { trustFunction } from './abuse/clientAddress.js';
import { registerAccessControl, type RouteAccess } from './http/access.js';
import { registerErrorHandler } from './http/errors.js';
import { registerNulRefusal } from './http/nulCharacters.js';
import { registerSecurityHeaders } from './http/securityHeaders.js';
import { authRoutes } from './http/auth/authRoutes.js';
import { passkeyRoutes } from './http/auth/passkeyRoutes.js';
import { staffRoutes } from './http/staff/staffRoutes.js';
import { staffSecurityRoutes } from './http/staff/staffSecurityRoutes.js';
import { blockRoutes } from './http/blocks/blockRoutes.js';
import { setupRoutes } from './http/setup/setupRoutes.js';
import { healthRoutes } from './http/health/healthRoutes.js';
import { webRoutes } from './http/web/webRoutes.js';
import { createSocketServer, type SocketServerOptions } from './realtime/socketServer.js';
import type { Broadcaster } from './realtime/broadcasts.js';
import { createAppServices } from '../app/appServices.js';
import type { Translator } from '../app/translation/translator.js';
import { openLocalTranslator } from './translation/localTranslator.js';
import { StaffSessionWatch } from './realtime/staffSessionWatch.js';
import { randomToken } from './auth/secrets.js';
import { loadKeyring } from './masterKeys.js';
import { createMetrics } from './metrics/metrics.js';
import { routingFigures } from './metrics/routingFigures.js';
import { createMetricsListener, metricsRoutes } from './http/metrics/metricsRoutes.js';
import { visitorRoutes } from './http/visitor/visitorRoutes.js';
import { serviceRoutes } from './http/service/serviceRoutes.js';
import { settingsRoutes } from './http/settings/settingsRoutes.js';
import { auditRoutes } from './http/audit/auditRoutes.js';
import { Scheduler } from './jobs/scheduler.js';
import { createRedisAdapter } from './realtime/redisAdapter.js';
import { runRetention } from './jobs/retentionJob.js';
import { codingRoutes } from './http/codings/codingRoutes.js';
import { reportRoutes } from './http/reports/reportRoutes.js';
import { figuresRoutes } from './http/figures/figuresRoutes.js';
import { brandingRoutes } from './http/branding/brandingRoutes.js';
import { mailboxRoutes } from './http/mailbox/mailboxRoutes.js';
import { partnerStatusRoutes } from './http/visibility/partnerStatusRoutes.js';
import { referralRoutes } from './http/visibility/referralRoutes.js';
import { snippetRoutes } from './http/snippets/snippetRoutes.js';
import { directoryRoutes } from './http/directory/directoryRoutes.js';
import { handoverRoutes } from './http/handovers/handoverRoutes.js';
import { continuityRoutes } from './http/continuity/continuityRoutes.js';

export type { RouteAccess };

export interface BakenApp {
  ctx: AppContext;
  http: FastifyInstance;
  io: SocketIoServer;
  /** Closes staff sockets whose session ran out (a sweep every few seconds; tests call it by hand). */
  sessionWatch: StaffSessionWatch;
  scheduler: Scheduler;
  routes: RouteAccess[];
  /** Listens on config.port (0 picks a free one) and returns the base URL. */
  listen(): Promise<string>;
  /** The metrics-only listener's address once listening (loopback by default), if it runs. */
  metricsUrl: string | undefined;
  close(): Promise<void>;
}

export interface BuildOptions {
  clock?: Clock;
  logger?: Logger;
  socket?: SocketServerOptions;
  /** A translator to use instead of the configured one (tests use a fake). */
  translator?: Translator;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<BakenApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  // Before anything else: a translation configured but unusable stops the start, with the reason.
  const translator = options.translator ?? (config.translation ? await openLocalTranslator(config.translation) : undefined);
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    ...(config.databaseSchema ? { pgSchema: config.databaseSchema } : {}),
  });
  await migrateToLatest(store);
  const repos = createRepositories(store, loadKeyring(config).keyring);
  const services = createAppServices({
    repos,
    clock,
    log: (message, error) => logger.error({ err: error instanceof Error ? error.message : String(error) }, message),
    waitingChatsPerSource: config.waitingChatsPerSource,
    ...(translator ? { translator } : {}),
    translationTarget: config.translation?.targetLanguage ?? 'nl',
  });
  // Effects from HTTP routes and timers reach the broadcaster once the socket server exists.
  let broadcaster: Broadcaster | undefined;
  const ctx: AppContext = {
    config,
    clock,
    logger,
    repos,
    sessions: new StaffSessions(repos, clock, { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs }),
    app: services,
    publish: (effects) => broadcaster?.dispatch(effects),
    loginThrottle: new LoginThrottle(clock),
    returnCodeLimiter: new AddressRateLimiter(clock),
    letterLimiter: new AddressRateLimiter(clock, letterPolicy),
    addressBlocks: new AddressBlockList(clock),
    metrics: createMetrics(
      () => repos.conversations.countOpen(),
      () => routingFigures(services.queue.steps, clock.now()),
    ),
    setup: { token: (await repos.staff.count()) === 0 ? randomToken() : undefined },
    shuttingDown: false,
  };

  const http = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    genReqId: () => crypto.randomUUID(),
    // The address is only used (hashed, in memory) for throttling. Trusting X-Forwarded-For
    // without a proxy in front would let anyone pick a fresh address for every attempt.
    trustProxy: config.trustProxy.kind === 'none' ? false : trustFunction(config.trustProxy),
  });
  // Our own request log: method, route pattern, status and time. No addresses, no bodies.
  http.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { reqId: request.id, method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });
  await http.register(fastifyCookie);
  registerSecurityHeaders(http, config.partnerOrigins);
  registerErrorHandler(http);
  // Every route and who may call it, as Fastify registered them: for the access tests and reviewers.
  const routeTable = registerAccessControl(http, ctx.sessions);
  registerNulRefusal(http);
  await http.register(healthRoutes(ctx));
  await http.register(setupRoutes(ctx));
  await http.register(authRoutes(ctx));
  await http.register(passkeyRoutes(ctx));
  await http.register(staffRoutes(ctx));
  await http.register(staffSecurityRoutes(ctx));
  await http.register(blockRoutes(ctx));
  await http.register(visitorRoutes(ctx));
  await http.register(serviceRoutes(ctx));
  await http.register(settingsRoutes(ctx));
  await http.register(auditRoutes(ctx));
  await http.register(metricsRoutes(ctx));
  await http.register(codingRoutes(ctx));
  await http.register(reportRoutes(ctx));
  await http.register(figuresRoutes(ctx));
  await http.register(brandingRoutes(ctx));
  await http.register(mailboxRoutes(ctx));
  await http.register(partnerStatusRoutes(ctx));
  await http.register(referralRoutes(ctx));
  await http.register(snippetRoutes(ctx));
  await http.register(directoryRoutes(ctx));
  await http.register(handoverRoutes(ctx));
  await http.register(continuityRoutes(ctx));
  await http.register(webRoutes(ctx));
  await http.ready();
  const routes = routeTable.filter((r) => r.method !== 'HEAD');

  const redis = config.redisUrl ? createRedisAdapter(config.redisUrl, logger) : undefined;
  const sessionWatch = new StaffSessionWatch(clock, ctx.sessions, config.sessionIdleMs);
  const sockets = createSocketServer(http.server, ctx, sessionWatch, redis ? { adapter: redis.adapter as never } : options.socket);
  const io = sockets.io;
  broadcaster = sockets.broadcaster;
  services.queue.publish = (effects) => broadcaster?.dispatch(effects);
  services.queue.observe((step) => ctx.metrics.routingStepSeconds.observe(step.durationMs / 1000));
  const scheduler = new Scheduler(ctx);

  const metricsListener = config.metricsListen ? createMetricsListener(ctx) : undefined;
  const app: BakenApp = {
    ctx,
    http,
    io,
    sessionWatch,
    scheduler,
    routes,
    metricsUrl: undefined,
    async listen() {
      await http.listen({ port: config.port, host: config.host });
      if (metricsListener && config.metricsListen) {
        const { host, port } = config.metricsListen;
        await new Promise<void>((resolve, reject) => {
          metricsListener.once('error', (error) =>
            reject(new Error(`the metrics listener cannot listen on ${host}:${port} (${error.message}); set METRICS_PORT to a free port, or to off`)),
          );
          metricsListener.listen(port, host, () => resolve());
        });
        const bound = metricsListener.address();
        if (bound && typeof bound === 'object') app.metricsUrl = `http://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`;
      }
      services.queue.start();
      sessionWatch.start();
      scheduler.start([{ name: 'retention', everyMs: 3_600_000, run: () => runRetention(ctx) }]);
      const address = http.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      return `http://localhost:${port}`;
    },
    async close() {
      ctx.shuttingDown = true;
      await scheduler.stop();
      services.queue.stop();
      sessionWatch.stop();
      // Stop taking new connections, tell sockets goodbye, let in-flight requests finish.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await http.close();
      if (metricsListener?.listening) await new Promise<void>((resolve) => metricsListener.close(() => resolve()));
      await redis?.close();
      await store.close();
    },
  };
  return app;
}
