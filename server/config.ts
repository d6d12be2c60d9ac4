import { resolve } from 'node:path'
import { DEFAULT_COLLAB_LIMITS, type CollabLimits } from './collab/limits.js'
import { DEFAULT_METRICS_ALLOW, parseAllowList } from './ops/addressAllowList.js'
import { logLevelFrom, type LogLevel } from './ops/logger.js'

/** Who may create an account: anyone (`open`), or only people holding an admin's invitation (`invite`). */
export type SignupMode = 'open' | 'invite'

/** Everything that decides who may do what, and how much of it: accounts, origins, limits (the websocket's too). */
export interface SecuritySettings extends CollabLimits {
  /** The server's public origin (`https://caucus.example.org`); null: `http://HOST:PORT` once listening. */
  origin: string | null
  /** More origins allowed to call the API and open websockets (a reverse proxy's, the vite dev server's). */
  extraOrigins: string[]
  signup: SignupMode
  /** How long a sign-in lasts. */
  sessionDays: number
  /** Largest request body on every route but the sources import. */
  maxBodyBytes: number
  /** Largest CSL-JSON import (`POST /api/docs/:id/sources`). */
  maxImportBytes: number
  /** HTTP requests that change something, per minute, per account (or per address when signed out). */
  writesPerMinute: number
  /** HTTP requests that only read, per minute, per account (or per address when signed out). */
  readsPerMinute: number
  /** Failed sign-ins per account in 15 minutes before its sign-ins are refused for the rest of the window. */
  loginFailuresPerAccount: number
  /** Failed sign-ins per address in an hour before that address's sign-ins are refused. */
  loginFailuresPerAddress: number
  /** Take the client address from `X-Forwarded-For` (only behind a reverse proxy that sets it). */
  trustProxy: boolean
  /** Addresses and CIDR ranges allowed to read `/metrics` (loopback by default). */
  metricsAllow: string[]
  /** Tests only: link lookups may fetch from 127.0.0.1 and ::1 (never from private or link-local addresses). */
  fetchAllowLoopback: boolean
  /** A link lookup's whole time: redirects, DNS and the page (5 s; tests shorten it). */
  fetchTimeoutMs: number
  /** Largest page a link lookup reads (2 MB). */
  fetchMaxBytes: number
  /** Redirects a link lookup follows (5). */
  fetchMaxRedirects: number
}

export const DEFAULT_SECURITY: SecuritySettings = {
  origin: null,
  extraOrigins: [],
  signup: 'invite',
  sessionDays: 30,
  maxBodyBytes: 64 * 1024,
  maxImportBytes: 5 * 1024 * 1024,
  writesPerMinute: 120,
  readsPerMinute: 1200,
  loginFailuresPerAccount: 5,
  loginFailuresPerAddress: 30,
  trustProxy: false,
  metricsAllow: DEFAULT_METRICS_ALLOW,
  fetchAllowLoopback: false,
  fetchTimeoutMs: 5000,
  fetchMaxBytes: 2 * 1024 * 1024,
  fetchMaxRedirects: 5,
  ...DEFAULT_COLLAB_LIMITS,
}

export interface Config {
  port: number
  host: string
  dataDir: string
  /** `DATABASE_URL`: keep everything in this PostgreSQL database; null: the SQLite file in `dataDir`. */
  databaseUrl: string | null
  /** `REDIS_URL`: relay edits and presence to the other processes through this Redis; null: this process is alone. */
  redisUrl: string | null
  /** Where the built client lives. */
  clientDir: string
  /** `CAUCUS_LOG_LEVEL`: the least severe level written. */
  logLevel: LogLevel
  security: SecuritySettings
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}".`)
  return value
}

/** A comma-separated allow list, checked now so that a typo stops the server at start. */
function checkedAllowList(raw: string): string[] {
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean)
  parseAllowList(entries)
  return entries
}

/** An origin as browsers send it (`scheme://host[:port]`, no path), or an error naming the variable. */
export function normalizeOrigin(raw: string, name: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new Error(`${name} must be an origin such as https://caucus.example.org, got "${raw}".`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must start with http:// or https://, got "${raw}".`)
  if (url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new Error(`${name} must be an origin without a path, got "${raw}".`)
  }
  return url.origin
}

/** A PostgreSQL connection URL, checked now so a typo stops the server at start rather than at first use. */
function postgresUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new Error('DATABASE_URL must be a URL like postgres://user:password@host:5432/caucus.')
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//…".`)
  }
  return raw.trim()
}

/** A Redis URL, checked now (ioredis would otherwise retry a typo forever). */
function redisUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new Error('REDIS_URL must be a URL like redis://127.0.0.1:6379.')
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss://, got "${url.protocol}//…".`)
  return raw.trim()
}

/** Reads configuration from environment variables (documented in the README). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}".`)
  }
  const signup = env.CAUCUS_SIGNUP || 'invite'
  if (signup !== 'open' && signup !== 'invite') throw new Error(`CAUCUS_SIGNUP must be "open" or "invite", got "${signup}".`)
  const d = DEFAULT_SECURITY
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.CAUCUS_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL ? postgresUrl(env.DATABASE_URL) : null,
    redisUrl: env.REDIS_URL ? redisUrl(env.REDIS_URL) : null,
    clientDir: resolve(env.CAUCUS_CLIENT_DIR || './dist/client'),
    logLevel: logLevelFrom(env.CAUCUS_LOG_LEVEL),
    security: {
      origin: env.CAUCUS_ORIGIN ? normalizeOrigin(env.CAUCUS_ORIGIN, 'CAUCUS_ORIGIN') : null,
      extraOrigins: (env.CAUCUS_ORIGINS ?? '')
        .split(',')
        .filter((origin) => origin.trim() !== '')
        .map((origin) => normalizeOrigin(origin, 'CAUCUS_ORIGINS')),
      signup,
      sessionDays: wholeNumber(env, 'CAUCUS_SESSION_DAYS', d.sessionDays),
      maxBodyBytes: wholeNumber(env, 'CAUCUS_MAX_BODY_BYTES', d.maxBodyBytes),
      maxImportBytes: wholeNumber(env, 'CAUCUS_MAX_IMPORT_BYTES', d.maxImportBytes),
      writesPerMinute: wholeNumber(env, 'CAUCUS_RATE_WRITES', d.writesPerMinute),
      readsPerMinute: wholeNumber(env, 'CAUCUS_RATE_READS', d.readsPerMinute),
      loginFailuresPerAccount: wholeNumber(env, 'CAUCUS_LOGIN_FAILURES_PER_ACCOUNT', d.loginFailuresPerAccount),
      loginFailuresPerAddress: wholeNumber(env, 'CAUCUS_LOGIN_FAILURES_PER_ADDRESS', d.loginFailuresPerAddress),
      trustProxy: env.CAUCUS_TRUST_PROXY === '1' || env.CAUCUS_TRUST_PROXY === 'true',
      metricsAllow: env.CAUCUS_METRICS_ALLOW ? checkedAllowList(env.CAUCUS_METRICS_ALLOW) : d.metricsAllow,
      // Deliberately only `1`: a setting that opens the server's own ports to fetches must not be set by accident.
      fetchAllowLoopback: env.CAUCUS_FETCH_ALLOW_LOOPBACK === '1',
      fetchTimeoutMs: d.fetchTimeoutMs,
      fetchMaxBytes: d.fetchMaxBytes,
      fetchMaxRedirects: d.fetchMaxRedirects,
      maxFrameBytes: wholeNumber(env, 'CAUCUS_WS_MAX_FRAME_BYTES', d.maxFrameBytes, 1024),
      messagesPerSecond: wholeNumber(env, 'CAUCUS_WS_MESSAGES_PER_SECOND', d.messagesPerSecond),
      messageBurst: wholeNumber(env, 'CAUCUS_WS_MESSAGE_BURST', d.messageBurst),
      presencePerSecond: wholeNumber(env, 'CAUCUS_WS_PRESENCE_PER_SECOND', d.presencePerSecond),
      presenceBurst: wholeNumber(env, 'CAUCUS_WS_PRESENCE_BURST', d.presenceBurst),
      maxPresenceBytes: wholeNumber(env, 'CAUCUS_WS_MAX_PRESENCE_BYTES', d.maxPresenceBytes),
      maxClientIdsPerConnection: wholeNumber(env, 'CAUCUS_WS_MAX_CLIENT_IDS', d.maxClientIdsPerConnection),
      maxConnectionsPerAccount: wholeNumber(env, 'CAUCUS_WS_CONNECTIONS_PER_ACCOUNT', d.maxConnectionsPerAccount),
      maxConnectionsPerAddress: wholeNumber(env, 'CAUCUS_WS_CONNECTIONS_PER_ADDRESS', d.maxConnectionsPerAddress),
    },
  }
}
