import { spawn } from 'node:child_process'
import { readdirSync, readlinkSync, realpathSync } from 'node:fs'
import { get, type ClientRequest } from 'node:http'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import {
  assertBuilt,
  callApi,
  CLI_FILE,
  PINNED_NODE,
  ROOT,
  signIn,
  startServe,
  type ServeHandle,
} from '../e2e/serve-fixture'
import { tempDir } from './helpers'

/**
 * Issue 4 §7: the app and the CLI on one database file at the same time. Both sides are the BUILT programs in their
 * own processes — `serve` (the app's backend worker behind HTTP) and `credit-ledger vendor add` — so WAL, the busy
 * timeout and PRAGMA data_version are exercised across processes, as a user would run them.
 */

interface CliRun {
  readonly pid: number
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string; endedAt: number }>
}

const running = new Set<{ kill: () => void }>()
afterEach(() => {
  for (const child of running) child.kill()
  running.clear()
})

/** The built CLI as its own process; `done` resolves when it exits (noting when, for ordering checks). */
const startCli = (args: readonly string[]): CliRun => {
  const child = spawn(PINNED_NODE, [CLI_FILE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const handle = { kill: () => child.kill('SIGKILL') }
  running.add(handle)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const done = new Promise<{ code: number | null; stdout: string; stderr: string; endedAt: number }>(
    (resolve, reject) => {
      child.on('error', reject)
      child.on('close', (code) => {
        running.delete(handle)
        resolve({ code, stdout, stderr, endedAt: Date.now() })
      })
    },
  )
  return { pid: child.pid ?? 0, done }
}

const addVendorByCli = async (dbPath: string, name: string) => {
  const res = await startCli(['--db', dbPath, 'vendor', 'add', name, '--json']).done
  expect(res, name).toMatchObject({ code: 0, stderr: '' })
  expect(JSON.parse(res.stdout)).toMatchObject({ ok: true, data: { name } })
}

const waitFor = async (predicate: () => boolean, what: string, timeoutMs: number) => {
  const end = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** serve's `/events` stream, collecting the payloads of every `ledger.changed` frame. */
const listenToEvents = (serve: ServeHandle, cookie: string) =>
  new Promise<{ origins: () => string[]; close: () => void }>((resolve, reject) => {
    let text = ''
    const request: ClientRequest = get(
      { host: '127.0.0.1', port: serve.port, path: '/events', headers: { Cookie: cookie } },
      (res) => {
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString()
          if (text.includes(': connected')) resolve({ origins, close: () => request.destroy() })
        })
        res.on('error', () => undefined) // our own close aborts the response
      },
    )
    request.on('error', reject)
    const origins = () =>
      [...text.matchAll(/event: ledger\.changed\ndata: (.*)\n\n/g)].map(
        (frame) => (JSON.parse(frame[1] ?? '{}') as { origin: string }).origin,
      )
  })

/** Whether process `pid` holds `file` open (Linux /proc); undefined where that cannot be seen. */
const holdsOpen = (pid: number, file: string): boolean | undefined => {
  const target = realpathSync(file)
  let fds: string[]
  try {
    fds = readdirSync(`/proc/${pid}/fd`)
  } catch {
    return process.platform === 'linux' ? false : undefined
  }
  return fds.some((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`) === target
    } catch {
      return false
    }
  })
}

describe('two processes on one database (WAL, busy timeout, data_version)', () => {
  it('serve and the CLI both write at the same time, nothing is lost, and serve announces the CLI’s writes', async () => {
    assertBuilt()
    const dbPath = join(tempDir(), 'ledger.db')
    const serve = await startServe({ dbPath, timeoutMs: 30_000 })
    try {
      const cookie = await signIn(serve)
      const events = await listenToEvents(serve, cookie)
      try {
        // The app side writes continuously while CLI processes (two at a time, for a 2-core machine) write too.
        let cliDone = false
        const appNames: string[] = []
        const appWriter = (async () => {
          while (!cliDone) {
            const name = `App ${appNames.length + 1}`
            const res = await callApi(serve, cookie, 'vendors.add', { name })
            expect(res.json, name).toMatchObject({ ok: true, value: { name } })
            appNames.push(name)
          }
        })()
        const cliNames = Array.from({ length: 8 }, (_, index) => `CLI ${index + 1}`)
        try {
          for (let index = 0; index < cliNames.length; index += 2) {
            await Promise.all(cliNames.slice(index, index + 2).map((name) => addVendorByCli(dbPath, name)))
          }
        } finally {
          cliDone = true
          await appWriter
        }
        expect(appNames.length).toBeGreaterThan(0)

        // With serve idle, one more CLI write must reach the open page as an external change (serve polls
        // PRAGMA data_version every second); writes made during the race may have been folded into local ones.
        const externalBefore = events.origins().filter((origin) => origin === 'external').length
        await addVendorByCli(dbPath, 'CLI last')
        await waitFor(
          () => events.origins().filter((origin) => origin === 'external').length > externalBefore,
          'an external ledger.changed',
          20_000,
        )
        expect(events.origins()).toContain('local')

        const list = await callApi(serve, cookie, 'vendors.list')
        const names = (list.json as { value: { name: string }[] }).value.map((vendor) => vendor.name)
        expect(names.sort()).toEqual([...appNames, ...cliNames, 'CLI last'].sort())
      } finally {
        events.close()
      }
    } finally {
      expect(await serve.stop()).toBe(0)
    }
    expect(serve.stderr()).not.toMatch(/SQLITE_BUSY|database is locked/i)
  }, 120_000)

  it('a CLI write waits while another process holds the write lock, then succeeds (busy timeout)', async () => {
    assertBuilt()
    const dbPath = join(tempDir(), 'ledger.db')
    await addVendorByCli(dbPath, 'First') // creates the file with the real migrations

    const holder = new Database(dbPath, { timeout: 30_000 })
    running.add({ kill: () => holder.open && holder.close() })
    holder.pragma('journal_mode = WAL')
    holder.exec('BEGIN IMMEDIATE') // the write lock, as a long import holds it
    holder.prepare("INSERT INTO vendors (name, website, recorded_at) VALUES ('Held', NULL, 0)").run()

    const cli = startCli(['--db', dbPath, 'vendor', 'add', 'Waited', '--json'])
    let exited = false
    void cli.done.then(() => (exited = true))
    // Wait until the CLI has the database open (it then blocks on the lock), and a little longer.
    await waitFor(() => exited || holdsOpen(cli.pid, dbPath) !== false, 'the CLI to open the database', 30_000)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(exited, 'the CLI finished while the write lock was held').toBe(false)

    holder.exec('COMMIT')
    const releasedAt = Date.now()
    holder.close()
    const res = await cli.done
    expect(res).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: true, data: { name: 'Waited' } })
    expect(res.endedAt).toBeGreaterThanOrEqual(releasedAt)

    const list = await startCli(['--db', dbPath, 'vendor', 'list', '--json']).done
    const names = (JSON.parse(list.stdout) as { data: { name: string }[] }).data.map((vendor) => vendor.name)
    expect(names).toEqual(['First', 'Held', 'Waited'])
  }, 60_000)
})
