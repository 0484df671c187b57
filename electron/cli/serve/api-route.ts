import type { IncomingMessage, ServerResponse } from 'node:http'
import { isMethodName } from '@shared/api/contract'
import { fail } from '@shared/api/result'
import { validateCall } from '@shared/api/validate'
import type { BackendClient } from '../../backend/worker/backend-client'
import { sendJson, sendText } from './respond'

/** Far above any form; an import sends its file by path to the backend, not through this body. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024

/**
 * How much of an oversized body is read and dropped after answering 413. Closing at once would make the kernel
 * reset the connection under a client still sending, which then often loses the 413 and reports a network error.
 */
const DISCARD_LIMIT = 64 * 1024 * 1024

type Body =
  { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'too-large' } | { readonly kind: 'aborted' }

const discardRest = (req: IncomingMessage): void => {
  let dropped = 0
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length
    if (dropped > DISCARD_LIMIT) req.socket.destroy()
  })
  req.resume()
}

/** Read the body up to `limit` bytes; past it, nothing more is kept and the caller answers 413 at once. */
const readBody = (req: IncomingMessage, limit: number): Promise<Body> =>
  new Promise((resolve) => {
    // A client that goes away mid-body gets no answer; resolve so nothing waits forever.
    req.on('close', () => resolve({ kind: 'aborted' }))
    req.on('error', () => resolve({ kind: 'aborted' }))
    if (Number(req.headers['content-length'] ?? '0') > limit) {
      discardRest(req)
      resolve({ kind: 'too-large' })
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      // Chunked bodies have no Content-Length: count as they arrive.
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }
      req.off('data', onData)
      discardRest(req)
      resolve({ kind: 'too-large' })
    }
    req.on('data', onData)
    req.on('end', () => resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }))
  })

/** `{"input": …}` → the input (undefined when absent or the body is empty), or an error message. */
export const parseEnvelope = (text: string): { ok: true; input: unknown } | { ok: false; message: string } => {
  if (text.trim() === '') return { ok: true, input: undefined }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { ok: false, message: 'The request body is not valid JSON' }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'The request body must be a JSON object: {"input": …}' }
  }
  return { ok: true, input: (body as { input?: unknown }).input }
}

/**
 * `POST /api/<method>`: validate here (untrusted input never reaches the worker unchecked), then forward the
 * ORIGINAL payload: the worker validates again and applies zod's transforms itself, so they run exactly once there.
 */
export const handleApiCall = async (
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  backend: BackendClient,
): Promise<void> => {
  if (req.method !== 'POST') {
    sendText(res, 405, 'Method not allowed: API calls are POST', { Allow: 'POST' })
    return
  }
  if (!isMethodName(method)) {
    sendJson(res, 404, fail('VALIDATION', `Unknown method: ${method.slice(0, 80)}`))
    return
  }
  const body = await readBody(req, MAX_BODY_BYTES)
  if (body.kind === 'aborted') return
  if (body.kind === 'too-large') {
    sendJson(res, 413, fail('VALIDATION', `The request body is larger than ${MAX_BODY_BYTES} bytes`))
    return
  }
  const envelope = parseEnvelope(body.text)
  if (!envelope.ok) {
    sendJson(res, 400, fail('VALIDATION', envelope.message))
    return
  }
  const checked = validateCall(method, envelope.input)
  if (!checked.ok) {
    sendJson(res, 200, checked)
    return
  }
  sendJson(res, 200, await backend.call(method, envelope.input))
}
