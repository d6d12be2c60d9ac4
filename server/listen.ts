import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { MAX_FRAME_BYTES } from '../shared/collabProtocol.js'
import { createApp } from './app.js'
import { openAccessPolicy, type AccessPolicy } from './collab/access.js'
import { collabUpgradeHandler } from './collab/collabUpgrade.js'
import { CollabServer, type CollabServerOptions } from './collab/CollabServer.js'
import { startHeartbeat } from './collab/wsSocket.js'
import type { Storage } from './storage/Storage.js'

export interface ListenOptions {
  storage: Storage
  port: number
  host: string
  clientDir?: string
  /** Who may open which document; defaults to "anyone may edit any live document". */
  accessPolicy?: AccessPolicy
  collab?: CollabServerOptions
  /** How often dead peers are looked for (a peer is dropped after two silent intervals). */
  heartbeatMs?: number
}

export interface RunningServer {
  url: string
  port: number
  collab: CollabServer
  /** Saves every open document, closes every connection, stops listening, closes storage. */
  close(): Promise<void>
}

/** Starts the HTTP + websocket server; resolves once it is listening. */
export async function listen(options: ListenOptions): Promise<RunningServer> {
  const collab = new CollabServer(options.storage, options.collab)
  const app = createApp({ storage: options.storage, collab, clientDir: options.clientDir })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const stopHeartbeat = startHeartbeat(() => wss.clients, options.heartbeatMs ?? 15_000)

  const { server, address } = await new Promise<{ server: ServerType; address: AddressInfo }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => resolve({ server, address: info }))
    server.once('error', reject)
    server.on('upgrade', collabUpgradeHandler(wss, collab, options.accessPolicy ?? openAccessPolicy(options.storage)))
  })
  const hostForUrl = address.address.includes(':') ? `[${address.address}]` : address.address

  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    collab,
    close: async () => {
      stopHeartbeat()
      await collab.close()
      for (const ws of wss.clients) ws.terminate()
      wss.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await options.storage.close()
    },
  }
}
