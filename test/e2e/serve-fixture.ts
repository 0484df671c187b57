import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { Readable } from 'node:stream'

/**
 * `credit-ledger serve` as a child process, started from the BUILT bundle (out/main/cli.js) on the pinned Node,
 * with a temp database: what a user runs, minus the launcher's rebuild step. Shared by the contract serve tests
 * and the Chromium e2e tests.
 */

export const ROOT = resolve(import.meta.dirname, '..', '..')
export const CLI_FILE = join(ROOT, 'out', 'main', 'cli.js')
export const PINNED_NODE = join(ROOT, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node')
const SERVING_LINE = /^Serving (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))$/

export interface ServeHandle {
  /** The printed URL, token included. */
  readonly url: string
  readonly origin: string
  readonly port: number
  readonly token: string
  /** The database's folder. */
  readonly dir: string
  readonly dbPath: string
  /** Everything serve wrote on stderr so far (for failure messages). */
  readonly stderr: () => string
  /** Everything on stdout: must stay the single Serving line. */
  readonly stdout: () => string
  /** SIGTERM, wait for the exit, remove the temp folder; resolves to the exit code. */
  readonly stop: () => Promise<number | null>
}

export const assertBuilt = (): void => {
  if (!existsSync(PINNED_NODE)) throw new Error(`Pinned Node missing at ${PINNED_NODE}: run \`npm rebuild node\``)
  if (!existsSync(CLI_FILE)) throw new Error(`${CLI_FILE} is missing: run \`npx electron-vite build\` first`)
}

/** Run the built CLI to completion (for commands other than serve). */
export const runCli = (
  args: readonly string[],
  options: { node?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolveRun, reject) => {
    const child = spawn(options.node ?? PINNED_NODE, [CLI_FILE, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolveRun({ code, stdout, stderr }))
  })

/**
 * Start serve on `dbPath` (the caller keeps that file), or on a new temp database in a folder that does not exist
 * yet (serve must create it), removed again by `stop`.
 */
export const startServe = async (options: { dbPath?: string; timeoutMs?: number } = {}): Promise<ServeHandle> => {
  assertBuilt()
  const ownDir = options.dbPath === undefined ? mkdtempSync(join(tmpdir(), 'credit-ledger-serve-')) : undefined
  const dbPath = options.dbPath ?? join(ownDir ?? '', 'data', 'x.db')
  const dir = dirname(dbPath)
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    PINNED_NODE,
    [CLI_FILE, '--db', dbPath, 'serve', '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CREDIT_LEDGER_DB: '' } },
  )
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)))

  const match = await new Promise<RegExpExecArray>((resolveLine, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve printed no Serving line in time.\nstderr:\n${stderr}`)),
      options.timeoutMs ?? 15_000,
    )
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const line = stdout.split('\n')[0] ?? ''
      const found = stdout.includes('\n') ? SERVING_LINE.exec(line) : null
      if (found !== null) {
        clearTimeout(timer)
        resolveLine(found)
      } else if (stdout.includes('\n')) {
        clearTimeout(timer)
        reject(new Error(`Unexpected first stdout line: ${line}`))
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited (code ${code}) before serving.\nstderr:\n${stderr}`))
    })
  })
  const [, url = '', port = '0', token = ''] = match

  return {
    url,
    origin: `http://127.0.0.1:${port}`,
    port: Number(port),
    token,
    dir,
    dbPath,
    stderr: () => stderr,
    stdout: () => stdout,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const code = await exited
      if (ownDir !== undefined) rmSync(ownDir, { recursive: true, force: true })
      return code
    },
  }
}

export interface RawResponse {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/**
 * One HTTP request with nothing normalized: the path goes out as written (`/../x` stays), and Host and Origin
 * can be anything — what `fetch` would not let a test do.
 */
export const rawRequest = (
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> =>
  new Promise((resolveResponse, reject) => {
    // A server may answer (413) and close before the whole body is written: EPIPE then is not a failure.
    let answered = false
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        answered = true
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolveResponse({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        )
      },
    )
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    req.end(options.body)
  })

/** Trade the token for the session cookie, as a browser does; returns the `name=value` to send back. */
export const signIn = async (serve: ServeHandle): Promise<string> => {
  const res = await rawRequest(serve.port, { path: `/?token=${serve.token}` })
  const cookie = res.headers['set-cookie']?.[0]
  if (res.status !== 303 || cookie === undefined) throw new Error(`sign-in failed: ${res.status}`)
  return cookie.split(';')[0] ?? ''
}

/** POST /api/<method> with `{"input": …}` and the session cookie; parses the JSON answer. */
export const callApi = async (
  serve: ServeHandle,
  cookie: string,
  method: string,
  input?: unknown,
): Promise<{ status: number; json: unknown }> => {
  const res = await rawRequest(serve.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: serve.origin },
    body: JSON.stringify(input === undefined ? {} : { input }),
  })
  return { status: res.status, json: JSON.parse(res.body) as unknown }
}
