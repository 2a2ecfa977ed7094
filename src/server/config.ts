// Configuration from the environment, validated once at start with a clear message per mistake.
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './abuse/clientAddress.js';
import { languages, type Language } from '../protocol/common.js';

const booleanish = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/**
 * One partner origin: https, or http on localhost/127.0.0.1 for development and tests. Only the
 * origin itself (scheme, host, port), because that is what frame-ancestors and postMessage compare.
 */
const partnerOrigin = z.string().transform((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an origin like https://www.partner.nl` });
    return z.NEVER;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    ctx.addIssue({ code: 'custom', message: `"${value}" must use https (http only for localhost)` });
    return z.NEVER;
  }
  // A plain host name: no wildcard, and nothing that could end the CSP directive.
  const plainHost = /^([a-z0-9-]+\.)*[a-z0-9-]+$/.test(url.hostname) || url.hostname === '[::1]';
  if (!plainHost || value.toLowerCase().replace(/\/$/, '') !== url.origin) {
    ctx.addIssue({ code: 'custom', message: `"${value}" must be an origin only: no path, query, wildcard or user` });
    return z.NEVER;
  }
  return url.origin;
});

/** Comma-separated partner origins; empty means no site may frame the visitor page. */
const partnerOrigins = z
  .string()
  .transform((value) => value.split(',').map((o) => o.trim()).filter((o) => o.length > 0))
  .pipe(z.array(partnerOrigin).max(50))
  .transform((origins) => [...new Set(origins)]);

/**
 * The local translation model's files, each with the SHA-256 it must have:
 * `/models/ennl/model.bin=<64 hex>,/models/ennl/vocab.spm=<64 hex>`.
 */
const modelFiles = z
  .string()
  .transform((value) => value.split(',').map((f) => f.trim()).filter((f) => f.length > 0))
  .pipe(
    z
      .array(
        z.string().transform((entry, ctx) => {
          const match = /^(.+)=([0-9a-fA-F]{64})$/.exec(entry);
          if (!match) {
            ctx.addIssue({ code: 'custom', message: `"${entry}" must be a file path, "=", and its SHA-256 in hex (64 characters)` });
            return z.NEVER;
          }
          return { path: match[1]!, sha256: match[2]!.toLowerCase() };
        }),
      )
      .min(1)
      .max(20),
  );

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
  /**
   * Behind a reverse proxy: how many proxies append to X-Forwarded-For (`true` = one), or their
   * addresses; the client address is read from the right, past exactly those (throttling only).
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const parsed = parseTrustedProxies(value);
      if ('error' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed;
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where quick exit sends the visitor: a neutral, busy site. */
  QUICK_EXIT_URL: z.string().url().default('https://www.google.com/search?q=weer'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** Where the built browser code lives (dist/web after `npm run build`). */
  WEB_DIR: z.string().default('dist/web'),
  MASTER_KEY: z.string().optional(),
  /** When set, /metrics is also served on the main port, and requires `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** The metrics listener of its own: loopback by default, so /metrics is never public by accident. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Its port; `off` for none, 0 for any free one. */
  METRICS_PORT: z
    .union([z.literal('off'), z.coerce.number().int().min(0).max(65535)])
    .default(9464),
  MASTER_KEY_FILE: z.string().optional(),
  /** Waiting chats one address may have at once (a shelter's wifi may need a few). */
  /** Days the counsellors' status history (occupancy in the service figures) is kept. */
  STATUS_HISTORY_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  WAITING_CHATS_PER_SOURCE: z.coerce.number().int().min(1).max(1_000_000).default(3),
  /** Sites that may embed the visitor page with the widget (/embed.js). */
  PARTNER_ORIGINS: partnerOrigins.default([]),
  /** Turns on local translation of visitors' messages: the model files and their hashes. Off when unset. */
  TRANSLATION_MODEL_FILES: modelFiles.optional(),
  /** The counsellors' language, that visitors' messages are translated into. */
  TRANSLATION_TARGET_LANGUAGE: z.enum(languages).default('nl'),
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
  trustProxy: TrustedProxies;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  quickExitUrl: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  webDir: string;
  masterKey: string | undefined;
  metricsToken: string | undefined;
  /** Where the metrics-only listener listens, or null for none. */
  metricsListen: { host: string; port: number } | null;
  masterKeyFile: string | undefined;
  waitingChatsPerSource: number;
  statusHistoryDays: number;
  /** Origins (https://host[:port]) allowed to frame the visitor page; empty: nobody. */
  partnerOrigins: string[];
  /** Local translation of visitors' messages, or null (the default: off). */
  translation: TranslationConfig | null;
};

export interface TranslationConfig {
  modelFiles: { path: string; sha256: string }[];
  targetLanguage: Language;
}

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
    metricsListen: e.METRICS_PORT === 'off' ? null : { host: e.METRICS_HOST, port: e.METRICS_PORT },
    masterKeyFile: e.MASTER_KEY_FILE,
    partnerOrigins: e.PARTNER_ORIGINS,
    waitingChatsPerSource: e.WAITING_CHATS_PER_SOURCE,
    statusHistoryDays: e.STATUS_HISTORY_DAYS,
    translation: e.TRANSLATION_MODEL_FILES ? { modelFiles: e.TRANSLATION_MODEL_FILES, targetLanguage: e.TRANSLATION_TARGET_LANGUAGE } : null,
  };
}
