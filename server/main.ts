import { readConfig } from './config.js'
import { listen } from './listen.js'
import { describeStorage, openStorage } from './storage/openStorage.js'

/** A shutdown exits by then whatever happens (the saves themselves are given 8 s, see CollabServer.close). */
const SHUTDOWN_DEADLINE_MS = 9_500

/** The one entry point that starts anything: config, storage, listen, graceful shutdown. */
async function main(): Promise<void> {
  const config = readConfig()
  const storage = await openStorage(config)
  const server = await listen({ storage, port: config.port, host: config.host, clientDir: config.clientDir, security: config.security, redisUrl: config.redisUrl })
  console.log(`Caucus is running at ${server.url}  (${describeStorage(config)})`)
  if (config.security.origin === null && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    console.warn(`CAUCUS_ORIGIN is not set: only requests addressed to ${server.site.primary} are answered. Set it to the address people use.`)
  }
  if (await server.accounts.firstAccountNeeded()) console.log(`No account yet: open ${server.site.primary} to create the first (admin) account.`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal} received: saving open documents and shutting down…`)
    // Orchestrators kill after a grace period (Kubernetes: 30 s, we promise 10 s): never hang past it.
    setTimeout(() => {
      console.error('Shutdown took too long; exiting anyway.')
      process.exit(1)
    }, SHUTDOWN_DEADLINE_MS).unref()
    await server.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error('Caucus failed to start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
