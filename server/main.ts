import { readConfig } from './config.js'
import { listen } from './listen.js'
import { createLogger, logFunction } from './ops/logger.js'
import { describeStorage, openStorage } from './storage/openStorage.js'

/** A shutdown exits by then whatever happens (the saves themselves are given 8 s, see CollabServer.close). */
const SHUTDOWN_DEADLINE_MS = 9_500

/** At `info` until the configuration is read, so that a configuration error is logged too. */
const logger = createLogger()

// Node would print an uncaught error as plain text and exit 1: the same, as a JSON line.
process.on('uncaughtException', (error) => {
  logger.fatal({ event: 'server.crashed', err: error }, 'uncaught exception; exiting')
  process.exit(1)
})

// Node prints its warnings (deprecations, listener leaks) as plain text on standard error: as JSON lines instead.
process.removeAllListeners('warning')
process.on('warning', (warning) => logger.warn({ event: 'node.warning', err: warning }, `${warning.name}: ${warning.message}`))

/** The one entry point that starts anything: config, storage, listen, graceful shutdown. */
async function main(): Promise<void> {
  const config = readConfig()
  logger.level = config.logLevel
  const log = logFunction(logger)
  const storage = await openStorage(config, log)
  const server = await listen({ storage, port: config.port, host: config.host, clientDir: config.clientDir, security: config.security, redisUrl: config.redisUrl, logger })
  // Tests read the address with /Caucus is running at (http:\/\/[^\s"]+)/ (keep it, and the space after it, in
  // the message), the benchmark with /127\.0\.0\.1:(\d+)/ (the `url` field is the first address on the line).
  logger.info({ event: 'server.started', url: server.url }, `Caucus is running at ${server.url}  (${describeStorage(config)})`)
  if (config.security.origin === null && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    logger.warn({ event: 'config.originMissing' }, `CAUCUS_ORIGIN is not set: only requests addressed to ${server.site.primary} are answered. Set it to the address people use.`)
  }
  if (await server.accounts.firstAccountNeeded()) logger.info({ event: 'accounts.none' }, `No account yet: open ${server.site.primary} to create the first (admin) account.`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    const started = performance.now()
    logger.info({ event: 'shutdown.started', signal }, `${signal} received: saving open documents and shutting down…`)
    // Orchestrators kill after a grace period (Kubernetes: 30 s, we promise 10 s): never hang past it.
    setTimeout(() => {
      logger.error({ event: 'shutdown.deadline', ms: SHUTDOWN_DEADLINE_MS }, 'Shutdown took too long; exiting anyway.')
      process.exit(1)
    }, SHUTDOWN_DEADLINE_MS).unref()
    await server.close()
    logger.info({ event: 'shutdown.finished', ms: Math.round(performance.now() - started) }, 'Shutdown finished; exiting.')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  logger.fatal({ event: 'server.startFailed', err: error }, `Caucus failed to start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
