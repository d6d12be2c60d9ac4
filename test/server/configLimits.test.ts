import { expect, test } from 'vitest'
import { DEFAULT_COLLAB_LIMITS } from '../../server/collab/limits.js'
import { readConfig } from '../../server/config.js'

test('the collaboration limits come from CAUCUS_WS_* variables, with the documented defaults', () => {
  expect(readConfig({}).security).toMatchObject(DEFAULT_COLLAB_LIMITS)
  const { security } = readConfig({
    CAUCUS_WS_MAX_FRAME_BYTES: '65536',
    CAUCUS_WS_MESSAGES_PER_SECOND: '50',
    CAUCUS_WS_MESSAGE_BURST: '100',
    CAUCUS_WS_PRESENCE_PER_SECOND: '5',
    CAUCUS_WS_PRESENCE_BURST: '10',
    CAUCUS_WS_MAX_PRESENCE_BYTES: '2048',
    CAUCUS_WS_MAX_CLIENT_IDS: '2',
    CAUCUS_WS_CONNECTIONS_PER_ACCOUNT: '3',
    CAUCUS_WS_CONNECTIONS_PER_ADDRESS: '4',
  })
  expect(security).toMatchObject({
    maxFrameBytes: 65536,
    messagesPerSecond: 50,
    messageBurst: 100,
    presencePerSecond: 5,
    presenceBurst: 10,
    maxPresenceBytes: 2048,
    maxClientIdsPerConnection: 2,
    maxConnectionsPerAccount: 3,
    maxConnectionsPerAddress: 4,
  })
})

test('a limit that is not a whole number, or is zero, stops the server with the variable named', () => {
  expect(() => readConfig({ CAUCUS_WS_MESSAGES_PER_SECOND: 'lots' })).toThrow(/CAUCUS_WS_MESSAGES_PER_SECOND/)
  expect(() => readConfig({ CAUCUS_WS_CONNECTIONS_PER_ACCOUNT: '0' })).toThrow(/CAUCUS_WS_CONNECTIONS_PER_ACCOUNT/)
  // A frame limit too small for any real message is a mistake, not a setting.
  expect(() => readConfig({ CAUCUS_WS_MAX_FRAME_BYTES: '100' })).toThrow(/CAUCUS_WS_MAX_FRAME_BYTES/)
})
