import { upgradeWebSocket } from '@hono/node-server'
import type { Context } from 'hono'
import type { WebSocket } from 'ws'
import { CloseCode } from '../../shared/closeCodes.js'
import type { AccessDecision, AccessPolicy } from './access.js'
import type { CollabServer } from './CollabServer.js'
import { wsCollabSocket } from './wsSocket.js'

/**
 * `GET /collab/:docId` upgrades to the y-websocket protocol. Access is decided here, before the upgrade;
 * a refused client is accepted and closed at once with a named 44xx code, which tells a stock
 * WebsocketProvider to stop retrying (a refused HTTP upgrade would make it retry forever).
 */
export function collabRoute(collab: CollabServer, decideAccess: AccessPolicy) {
  return async (c: Context) => {
    const docId = c.req.param('docId') ?? ''
    let decision: AccessDecision
    try {
      decision = await decideAccess({ docId, headers: c.req.raw.headers })
    } catch (error) {
      console.error('[collab] access check failed', error)
      decision = { allow: false, close: 'storageUnavailable' }
    }
    let events: ReturnType<CollabServer['connect']> | null = null
    const upgrade = await upgradeWebSocket(c, {
      onOpen: (_event, ws) => {
        const raw = ws.raw as WebSocket
        if (!decision.allow) {
          raw.close(CloseCode[decision.close], decision.close)
          return
        }
        events = collab.connect(wsCollabSocket(raw), docId, decision.access)
      },
      onMessage: (event) => {
        const data = event.data
        events?.onMessage(typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer))
      },
      onClose: () => events?.onClose(),
    })
    return upgrade ?? c.json({ error: { code: 'upgrade_required', message: 'This address only accepts websocket connections.' } }, 426)
  }
}
