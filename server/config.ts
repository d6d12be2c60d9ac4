import { resolve } from 'node:path'

export interface Config {
  port: number
  host: string
  dataDir: string
  /** Where the built client lives. */
  clientDir: string
}

/** Reads configuration from environment variables (documented in the README). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}".`)
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.CAUCUS_DATA_DIR || './data'),
    clientDir: resolve(env.CAUCUS_CLIENT_DIR || './dist/client'),
  }
}
