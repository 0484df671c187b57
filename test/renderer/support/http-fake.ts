import { vi } from 'vitest'
import type { MethodName } from '@shared/api/contract'
import type { FakeLedger } from './fake-ledger'

/**
 * Serve mode for renderer tests: no `window.ledger`; `fetch('/api/<method>')` answers from the fake ledger and
 * `/events` is an EventSource the test fires by hand. Undo with `vi.unstubAllGlobals()`.
 */
export class StubEventSource {
  static readonly instances: StubEventSource[] = []
  readonly listeners = new Map<string, ((event: MessageEvent<unknown>) => void)[]>()
  closed = false
  constructor(readonly url: string) {
    StubEventSource.instances.push(this)
  }
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  close(): void {
    this.closed = true
  }
  fire(type: string, payload: unknown): void {
    const data = JSON.stringify(payload)
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }))
  }
}

/** The open event stream, as the app's api module opened it. */
export const openStream = (): StubEventSource => {
  const stream = StubEventSource.instances.filter((source) => !source.closed).at(-1)
  if (stream === undefined) throw new Error('no open EventSource')
  return stream
}

export const serveOverHttp = (fake: FakeLedger): void => {
  StubEventSource.instances.length = 0
  vi.stubGlobal('EventSource', StubEventSource)
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = url.replace(/^\/api\//, '') as MethodName
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { input?: unknown }
    const call = fake.api[method] as (input: unknown) => Promise<unknown>
    const result = await call(body.input)
    return new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } })
  })
}
