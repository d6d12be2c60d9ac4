import { closeCodeName } from '../../shared/closeCodes.js'

/** The standard codes a peer or `ws` itself may close with (RFC 6455, section 7.4.1). */
const STANDARD_NAMES: Record<number, string> = {
  1000: 'normalClosure',
  1001: 'goingAway',
  1002: 'protocolError',
  1003: 'unsupportedData',
  1005: 'noStatusReceived',
  1006: 'abnormalClosure',
  1007: 'invalidPayload',
  1008: 'policyViolation',
  1009: 'messageTooBig',
  1010: 'mandatoryExtension',
  1011: 'internalError',
}

/** A close code as a log field: its number, and its name so a reader needs no table. */
export function closeCodeField(code: number): { code: number; name: string } {
  return { code, name: closeCodeName(code) ?? STANDARD_NAMES[code] ?? 'unknown' }
}
