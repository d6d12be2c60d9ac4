import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiErrorBody, ApiIssue, ApiItemIssues } from '../../shared/apiTypes.js'

/** An error the API reports to the caller as JSON `{ error: { code, message, issues?, items? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: ApiIssue[],
    readonly items?: ApiItemIssues[],
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues ? { issues: this.issues } : {}),
        ...(this.items ? { items: this.items } : {}),
      },
    }
  }
}
