/**
 * Diagnostic only (many rooms): the floor's raw relay in a process that has also loaded the libraries every Caucus
 * server needs (ws, yjs, y-protocols, better-sqlite3 with a database open, hono, @hono/node-server, zod with a
 * schema used once) and does nothing with them. It holds no document at all, so its memory is a lower bound for
 * any server built on this stack: what Caucus's own code adds is Caucus minus this.
 */
import Database from 'better-sqlite3'
import 'hono'
import '@hono/node-server'
import 'y-protocols/awareness'
import 'y-protocols/sync'
import 'yjs'
import * as z from 'zod'

const db = new Database(':memory:')
db.exec('CREATE TABLE t (x)')
z.object({ title: z.string() }).parse({ title: 'loaded' })
await import('./floor.js')
