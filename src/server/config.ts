// Configuration from the environment, validated once at start with a clear message per mistake.
import { z } from 'zod';

const booleanish = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** PostgreSQL schema for Baken's tables (several installations can share one database). */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
  REDIS_URL: z.string().url().optional(),
  /** The address people use to reach Baken: the printed setup link, and the domain and origin of passkeys. */
  PUBLIC_URL: z.string().url().optional(),
  /** Secure cookies need HTTPS; browsers make an exception for http://localhost. */
  COOKIE_SECURE: booleanish.default(true),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for throttling only). */
  TRUST_PROXY: booleanish.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where quick exit sends the visitor: a neutral, busy site. */
  QUICK_EXIT_URL: z.string().url().default('https://www.google.com/search?q=weer'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** Where the built browser code lives (dist/web after `npm run build`). */
  WEB_DIR: z.string().default('dist/web'),
  MASTER_KEY: z.string().optional(),
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  MASTER_KEY_FILE: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  redisUrl: string | undefined;
  publicUrl: string | undefined;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  quickExitUrl: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  webDir: string;
  masterKey: string | undefined;
  metricsToken: string | undefined;
  masterKeyFile: string | undefined;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    redisUrl: e.REDIS_URL,
    publicUrl: e.PUBLIC_URL,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    quickExitUrl: e.QUICK_EXIT_URL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    webDir: e.WEB_DIR,
    masterKey: e.MASTER_KEY,
    metricsToken: e.METRICS_TOKEN,
    masterKeyFile: e.MASTER_KEY_FILE,
  };
}
