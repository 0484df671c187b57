import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fail } from '@shared/api/result'
import type { BackendClient } from '../../backend/worker/backend-client'
import { MAX_BODY_BYTES } from './api-route'
import { createSecrets } from './auth'
import { createEventStreams } from './events-stream'
import { sendJson } from './respond'
import { createRouter } from './router'

/** Loopback only: the ledger is private data and the token is the only lock. */
export const SERVE_HOST = '127.0.0.1'

const CLOSE_GRACE_MS = 2_000

export interface ServeOptions {
  readonly port: number
  readonly backend: BackendClient
  readonly rendererDir: string
  readonly log: (line: string) => void
}

export interface RunningServer {
  readonly port: number
  /** The one URL to open: it carries the per-launch token. */
  readonly url: string
  readonly close: () => Promise<void>
}

export const startHttpServer = async (options: ServeOptions): Promise<RunningServer> => {
  const secrets = createSecrets()
  const events = createEventStreams()
  const stopRelay = options.backend.onEvent((name, payload) => events.broadcast(name, payload))
  const route = createRouter({ secrets, backend: options.backend, events, rendererDir: options.rendererDir })

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      // Handlers answer expected failures themselves; this is a bug, so say so without leaking details.
      options.log(
        `serve: ${req.method} ${req.url?.split('?')[0]} failed: ${error instanceof Error ? error.stack : String(error)}`,
      )
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', 'Internal error; see the serve log'))
      else res.destroy()
    })
  }
  const server = createServer(handle)
  // `Expect: 100-continue` (curl sends it for big bodies): refuse an oversized body before it is sent at all.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (Number(req.headers['content-length'] ?? '0') > MAX_BODY_BYTES) {
      // The client has sent no body yet and will not send one after a final status, so closing is safe here.
      sendJson(res, 413, fail('VALIDATION', `The request body is larger than ${MAX_BODY_BYTES} bytes`), {
        Connection: 'close',
      })
      return
    }
    res.writeContinue()
    handle(req, res)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${options.port} is already in use; try --port 0`) : error),
    )
    server.listen({ host: SERVE_HOST, port: options.port }, resolve)
  })
  const { port } = server.address() as AddressInfo

  return {
    port,
    url: `http://${SERVE_HOST}:${port}/?token=${secrets.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        stopRelay()
        events.closeAll()
        // Let calls in flight get their answer (the worker finishes them anyway), but do not wait on idle
        // keep-alive sockets, and give up on slow ones after a grace period.
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref()
        server.close(() => {
          clearTimeout(force)
          resolve()
        })
        server.closeIdleConnections()
      }),
  }
}
