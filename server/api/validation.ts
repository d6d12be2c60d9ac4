import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError } from './ApiError.js'

/** Keys that could reach an object's prototype if some code copied them: dropped wherever they appear. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** `JSON.parse` without the keys `__proto__`, `constructor` and `prototype`, at any depth: they change nothing. */
export function parseJsonWithoutPrototypeKeys(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (PROTOTYPE_KEYS.has(key) ? undefined : value))
}

/** Parses a JSON request body with a zod schema, or throws a 400 naming each bad field. */
export async function readJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let raw: unknown
  try {
    const text = await c.req.text()
    raw = text.trim() === '' ? {} : parseJsonWithoutPrototypeKeys(text)
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.')
  }
  const result = schema.safeParse(raw)
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(body)',
    message: issue.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}.` : issue.message,
  }))
  throw new ApiError(400, 'invalid_body', issues.map((issue) => issue.message).join(' '), issues)
}
