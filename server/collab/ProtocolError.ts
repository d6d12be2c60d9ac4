import type { CloseCodeName } from '../../shared/closeCodes.js'

/** A problem with what a client sent; the connection is closed with `closeCode`. */
export class ProtocolError extends Error {
  constructor(
    readonly closeCode: CloseCodeName,
    detail: string,
  ) {
    super(detail)
    this.name = 'ProtocolError'
  }
}
