export interface WaitForOptions {
  timeoutMs?: number
  intervalMs?: number
  /** Said in the error when the condition never held, so a failure names what was awaited. */
  message?: string | (() => string)
}

/** Polls `condition` until it returns something truthy, and returns that; throws after `timeoutMs`. */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitForOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 10, message } = options
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const value = await condition()
      if (value) return value as NonNullable<T>
    } catch (error) {
      // A condition may throw while the thing it inspects is still starting up (for example a refused fetch).
      lastError = error
    }
    if (Date.now() > deadline) {
      const text = typeof message === 'function' ? message() : (message ?? 'condition')
      throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${text}`, { cause: lastError })
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
