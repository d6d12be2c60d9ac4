import type { ApiErrorBody, DocumentInfo } from '../shared/apiTypes.js'

/** An API failure with the server's message (or a network explanation). */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message)
  }
}

/** One JSON request to the API; failures become ApiRequestError with the server's message and code. */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } })
  } catch {
    throw new ApiRequestError('Cannot reach the Caucus server. Check your connection and try again.', 0, 'network')
  }
  const body = (await response.json().catch(() => null)) as (T & Partial<ApiErrorBody>) | null
  if (!response.ok) {
    const error = body?.error
    throw new ApiRequestError(error?.message ?? `The server answered ${response.status}.`, response.status, error?.code ?? 'unknown')
  }
  return body as T
}

export const api = {
  listDocuments: (trashed = false) =>
    request<{ documents: DocumentInfo[] }>(`/api/docs${trashed ? '?trashed=true' : ''}`).then((r) => r.documents),
  getDocument: (id: string) => request<{ document: DocumentInfo }>(`/api/docs/${encodeURIComponent(id)}`).then((r) => r.document),
  createDocument: (title?: string) =>
    request<{ document: DocumentInfo }>('/api/docs', { method: 'POST', body: JSON.stringify(title ? { title } : {}) }).then((r) => r.document),
  renameDocument: (id: string, title: string) =>
    request<{ document: DocumentInfo }>(`/api/docs/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify({ title }) }).then(
      (r) => r.document,
    ),
  trashDocument: (id: string) => request<unknown>(`/api/docs/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  restoreDocument: (id: string) => request<unknown>(`/api/docs/${encodeURIComponent(id)}/restore`, { method: 'POST' }),
  purgeDocument: (id: string) => request<unknown>(`/api/docs/${encodeURIComponent(id)}?permanent=true`, { method: 'DELETE' }),
}
