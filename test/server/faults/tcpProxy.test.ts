import { createServer, connect, type AddressInfo, type Socket } from 'node:net'
import { expect, onTestFinished, test } from 'vitest'
import { startTcpProxy } from '../../helpers/tcpProxy.js'
import { waitFor } from '../../helpers/waitFor.js'

/** A server on 127.0.0.1 that answers each chunk with the same bytes; `heard` is everything it received. */
async function startEchoServer(): Promise<{ port: number; heard: () => string }> {
  const sockets = new Set<Socket>()
  let heard = ''
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => {})
    socket.on('close', () => sockets.delete(socket))
    socket.on('data', (chunk: Buffer) => (heard += chunk.toString()))
    socket.pipe(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => {
    for (const socket of sockets) socket.destroy()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  })
  return { port: (server.address() as AddressInfo).port, heard: () => heard }
}

/** A client socket through the proxy that records what it receives and how it ended. */
function openClient(port: number) {
  const socket = connect({ port, host: '127.0.0.1' })
  const state = { received: '', error: null as NodeJS.ErrnoException | null, closed: false, socket }
  socket.on('data', (chunk: Buffer) => (state.received += chunk.toString()))
  socket.on('error', (error) => (state.error = error))
  socket.on('close', () => (state.closed = true))
  onTestFinished(() => void socket.destroy())
  return state
}

test('the proxy forwards both ways; pause holds bytes and resume delivers them in order', async () => {
  const echo = await startEchoServer()
  const proxy = await startTcpProxy(echo.port)
  const client = openClient(proxy.port)
  client.socket.write('hello ')
  await waitFor(() => client.received === 'hello ', { message: 'the echo through the proxy' })
  expect(proxy.openConnections).toBe(1)

  proxy.pause('toClient')
  client.socket.write('held ')
  client.socket.write('reply')
  // Requests pass: the echo server gets the bytes and answers, but its answer waits in the proxy.
  await waitFor(() => echo.heard() === 'hello held reply', { message: 'the request to pass while replies are held' })
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(client.received).toBe('hello ')
  proxy.resume()
  await waitFor(() => client.received === 'hello held reply', { message: () => `the held reply (got "${client.received}")` })

  proxy.pause()
  client.socket.write(' again')
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(client.received).toBe('hello held reply')
  proxy.resume()
  await waitFor(() => client.received === 'hello held reply again', { message: 'bytes held both ways to arrive' })
  expect(client.closed).toBe(false)
})

test('cut resets open connections and refuses new ones until restore', async () => {
  const proxy = await startTcpProxy((await startEchoServer()).port)
  const before = openClient(proxy.port)
  before.socket.write('x')
  await waitFor(() => before.received === 'x', { message: 'the first echo' })

  proxy.cut()
  await waitFor(() => before.closed, { message: 'the open connection to be cut' })
  expect(before.error?.code).toBe('ECONNRESET')
  const during = openClient(proxy.port)
  during.socket.write('y')
  await waitFor(() => during.closed, { message: 'a new connection to be refused' })
  expect(during.received).toBe('')
  expect(proxy.openConnections).toBe(0)

  proxy.restore()
  const after = openClient(proxy.port)
  after.socket.write('z')
  await waitFor(() => after.received === 'z', { message: 'an echo after restore' })
})

test('a blackhole cut holds new connections silently; restore resets them', async () => {
  const proxy = await startTcpProxy((await startEchoServer()).port)
  proxy.cut('blackhole')
  const held = openClient(proxy.port)
  held.socket.write('anyone?')
  await waitFor(() => proxy.acceptedConnections === 1, { message: 'the connection to be accepted' })
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(held).toMatchObject({ received: '', closed: false })

  proxy.restore()
  await waitFor(() => held.closed, { message: 'the held connection to be reset' })
  const after = openClient(proxy.port)
  after.socket.write('ok')
  await waitFor(() => after.received === 'ok', { message: 'an echo after restore' })
})
