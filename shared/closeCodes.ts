/**
 * Websocket close codes the collaboration server uses, with the words a person sees.
 *
 * Codes 4400–4499 tell a stock y-websocket client not to reconnect (the problem will not fix itself);
 * codes from 4500 up mean "try again later" and the client keeps retrying with backoff.
 */
export const CloseCode = {
  malformedMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  documentNotFound: 4404,
  invalidDocId: 4406,
  documentDeleted: 4410,
  textFrame: 4415,
  unknownMessageType: 4422,
  updateRejected: 4423,
  frameTooLarge: 4413,
  tooManyConnections: 4429,
  presenceTooLarge: 4431,
  tooManyClientIds: 4432,
  storageUnavailable: 4503,
  serverShuttingDown: 4504,
  tooSlow: 4508,
  tooManyMessages: 4529,
} as const

export type CloseCodeName = keyof typeof CloseCode

const descriptions: Record<CloseCodeName, string> = {
  malformedMessage: 'The server received a message it could not read.',
  unauthorized: 'You need to sign in to open this document.',
  forbidden: 'You do not have access to this document.',
  documentNotFound: 'This document does not exist.',
  invalidDocId: 'This document address is not valid.',
  documentDeleted: 'This document is in the trash. Restore it from the documents page to edit it.',
  textFrame: 'The server only accepts binary collaboration messages.',
  unknownMessageType: 'The server received a message type it does not know.',
  updateRejected: 'The server could not apply an edit and disconnected to keep the document safe.',
  frameTooLarge: 'An edit was too large for the server to accept. Copy your recent work somewhere safe and reload the page.',
  tooManyConnections: 'Your account has too many documents open at once. Close some tabs or windows, then reload this page.',
  presenceTooLarge: 'Your cursor information was too large for the server to accept. Reload the page.',
  tooManyClientIds: 'This connection showed more people than one browser tab can be. Reload the page.',
  storageUnavailable: 'The server cannot reach its storage right now. Your edits are kept on this device; retrying…',
  serverShuttingDown: 'The server is restarting. Reconnecting…',
  tooSlow: 'The connection was too slow to keep up. Reconnecting…',
  tooManyMessages: 'This device sent messages faster than the server accepts. Reconnecting…',
}

/** The short machine name (sent as the websocket close reason) for a code, if it is one of ours. */
export function closeCodeName(code: number): CloseCodeName | undefined {
  return (Object.keys(CloseCode) as CloseCodeName[]).find((name) => CloseCode[name] === code)
}

/** Words for a person, for any close code (ours or a standard one). */
export function describeClose(code: number): string {
  const name = closeCodeName(code)
  if (name) return descriptions[name]
  if (code === 1009) return 'An edit was too large for the server to accept.'
  return 'The connection to the server was lost. Reconnecting…'
}

/** True when the client should stop retrying (mirrors y-websocket's own rule). */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500
}
