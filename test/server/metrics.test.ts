import { expect, test } from 'vitest'
import { isAllowedAddress, parseAllowList } from '../../server/ops/addressAllowList.js'
import { readConfig } from '../../server/config.js'
import { appendParagraph } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

/** One series' value from Prometheus text (the first sample whose name and labels start so). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((row) => row.startsWith(`${series} `) || row.startsWith(`${series}{`))
  if (!line) throw new Error(`no ${series} in:\n${text}`)
  return Number(line.split(' ').at(-1))
}

test('loopback reads /metrics without a session, and the series move with edits', async () => {
  const server = await startTestServer()
  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    return response.text()
  }
  const before = await scrape()
  for (const series of ['caucus_rooms', 'caucus_connections', 'caucus_save_failures_total', 'caucus_redis_resyncs_total', 'caucus_received_bytes_total']) {
    expect(sample(before, series), series).toBe(0)
  }
  expect(before).toContain('nodejs_eventloop_lag_seconds')

  const docId = await createDoc(server.url)
  const client = connectClient(server.wsUrl, docId)
  await waitForSync(client.provider)
  for (let i = 0; i < 5; i++) appendParagraph(client.doc, `edit ${i}`)
  let after = ''
  await waitFor(async () => sample((after = await scrape()), 'caucus_save_duration_seconds_count') >= 1, { message: 'a timed save' })

  expect(sample(after, 'caucus_rooms')).toBe(1)
  expect(sample(after, 'caucus_connections')).toBe(1)
  expect(sample(after, 'caucus_messages_received_total')).toBeGreaterThanOrEqual(5)
  expect(sample(after, 'caucus_received_bytes_total')).toBeGreaterThan(0)
  expect(sample(after, 'caucus_messages_sent_total')).toBeGreaterThan(0)
  expect(sample(after, 'caucus_sent_bytes_total')).toBeGreaterThan(0)
  expect(sample(after, 'caucus_save_failures_total')).toBe(0)
})

test('an address outside CAUCUS_METRICS_ALLOW gets 403 JSON', async () => {
  const server = await startTestServer({ security: { metricsAllow: ['10.0.0.0/8'] } })
  const response = await fetch(`${server.url}/metrics`)
  expect(response.status).toBe(403)
  expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } })
})

test('X-Forwarded-For decides only behind a trusted proxy', async () => {
  const direct = await startTestServer({ security: { metricsAllow: ['10.0.0.0/8'] } })
  // Not trusted: a client cannot claim an allowed address.
  expect((await fetch(`${direct.url}/metrics`, { headers: { 'x-forwarded-for': '10.1.2.3' } })).status).toBe(403)
  const proxied = await startTestServer({ security: { metricsAllow: ['10.0.0.0/8'], trustProxy: true } })
  expect((await fetch(`${proxied.url}/metrics`, { headers: { 'x-forwarded-for': '10.1.2.3' } })).status).toBe(200)
  expect((await fetch(`${proxied.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403)
})

test('allow lists: loopback by default, IPv4-mapped addresses, and typos stop the server', () => {
  const loopback = parseAllowList(readConfig({}).security.metricsAllow)
  expect(isAllowedAddress('127.0.0.1', loopback)).toBe(true)
  expect(isAllowedAddress('::ffff:127.0.0.1', loopback)).toBe(true)
  expect(isAllowedAddress('::1', loopback)).toBe(true)
  expect(isAllowedAddress('192.168.1.5', loopback)).toBe(false)
  expect(isAllowedAddress('unknown', loopback)).toBe(false)
  expect(readConfig({ CAUCUS_METRICS_ALLOW: '10.0.0.0/8, 192.168.1.5' }).security.metricsAllow).toEqual(['10.0.0.0/8', '192.168.1.5'])
  expect(() => readConfig({ CAUCUS_METRICS_ALLOW: '10.0.0.0/33' })).toThrow(/CAUCUS_METRICS_ALLOW/)
})
