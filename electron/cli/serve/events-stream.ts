import type { IncomingMessage, ServerResponse } from 'node:http'
import type { PushEventName, PushEvents } from '@shared/api/events'
import { SECURITY_HEADERS } from './respond'

/** Proxies and idle-connection reapers drop silent streams; a comment line every 25 s keeps it open. */
const HEARTBEAT_MS = 25_000

/** Every connected `/events` client; the backend's push events fan out to all of them. */
export interface EventStreams {
  readonly open: (req: IncomingMessage, res: ServerResponse) => void
  readonly broadcast: <E extends PushEventName>(name: E, payload: PushEvents[E]) => void
  /** End every stream (shutdown): otherwise server.close() would wait for them forever. */
  readonly closeAll: () => void
  readonly count: () => number
}

/** One Server-Sent Events frame. Names and JSON never contain a newline, which would split the frame. */
export const sseFrame = (name: string, payload: unknown): string =>
  `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`

export const createEventStreams = (): EventStreams => {
  const clients = new Set<ServerResponse>()
  let heartbeat: NodeJS.Timeout | undefined

  const stopHeartbeatIfIdle = () => {
    if (clients.size === 0 && heartbeat !== undefined) {
      clearInterval(heartbeat)
      heartbeat = undefined
    }
  }

  return {
    open: (req, res) => {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      })
      // `retry` tells EventSource how soon to reconnect; the comment makes the headers reach the client now.
      res.write('retry: 2000\n: connected\n\n')
      clients.add(res)
      heartbeat ??= setInterval(() => {
        for (const client of clients) client.write(': heartbeat\n\n')
      }, HEARTBEAT_MS).unref()
      req.on('close', () => {
        clients.delete(res)
        stopHeartbeatIfIdle()
      })
    },
    broadcast: (name, payload) => {
      if (/[\r\n]/.test(name)) return
      const frame = sseFrame(name, payload)
      for (const client of clients) client.write(frame)
    },
    closeAll: () => {
      for (const client of clients) client.end()
      clients.clear()
      stopHeartbeatIfIdle()
    },
    count: () => clients.size,
  }
}
