import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parsePort } from '../args'
import { describeStatus, startBackendThread } from '../backend'
import { defineCommand } from '../command'

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** Resolves on the first shutdown signal; a second one while shutting down forces the exit. */
const untilShutdownSignal = (log: (line: string) => void): Promise<NodeJS.Signals> =>
  new Promise((resolve) => {
    let received = false
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        log(`serve: ${signal} again, exiting without a clean shutdown`)
        process.exit(1)
      }
      received = true
      resolve(signal)
    }
    for (const signal of SHUTDOWN_SIGNALS) process.on(signal, onSignal)
  })

/**
 * `serve`: the app in a browser (DESIGN §7). The backend worker is the same one Electron starts, with the same
 * start-up duties (quick_check, daily backup) and external-change polling so CLI writes refresh open pages.
 */
export const serveCommand = defineCommand({
  summary: 'Serve the app on 127.0.0.1 for a browser; prints the URL to open',
  synopsis: '[--port N]',
  options: {
    port: { type: 'string', value: 'N', description: 'Port to listen on (0 or absent: a free port)' },
  },
  run: async (context, values) => {
    const port = parsePort('serve', values.port)
    const log = context.err
    if (!existsSync(join(context.rendererDir, 'index.html'))) {
      log(`serve: warning: ${context.rendererDir}/index.html is missing; run \`npm run build\` for the pages`)
    }

    const backend = await startBackendThread(context, {
      quickCheck: true,
      dailyBackup: true,
      externalPollMs: 1000,
      reminders: true,
    })
    for (const line of describeStatus(backend.status)) log(`serve: ${line}`)
    log(`serve: database ${context.dbPath}`)

    // Loaded here, not with the command table: node:http pulls in undici (~40 ms) that no other command needs.
    const { startHttpServer } = await import('../serve/http-server')
    const server = await startHttpServer({ port, backend, rendererDir: context.rendererDir, log }).catch(
      async (error: unknown) => {
        await backend.close() // e.g. the port is taken: do not leave the worker holding the database
        throw error
      },
    )
    const shutdown = untilShutdownSignal(log)
    // The only line on stdout, so scripts and tests can read it. `--json` gives the same facts in the one envelope
    // every command answers with (issue 4 §6), still as a single line printed once the server listens.
    if (context.json) context.out(JSON.stringify({ ok: true, data: { url: server.url, port: server.port } }))
    else context.out(`Serving ${server.url}`)

    const signal = await shutdown
    log(`serve: ${signal}: stopping`)
    await server.close()
    // Closing the backend runs PRAGMA optimize and closes the database cleanly.
    await backend.close()
    log('serve: stopped')
    return 0
  },
})
