import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { defaultUserDataDir, resolveDbPath } from '../backend/paths'
import { splitCommandLine, UsageError, type CommandLine } from './args'
import type { CliContext, Command } from './command'
import { COMMANDS, commandGroup, findCommand } from './commands'
import { commandHelp, usage } from './help'

/**
 * One `credit-ledger` command line, from argv to exit code: the command table, help and usage errors, the context a
 * command runs in. Loaded by the entry (main.ts) once the process is set up, so this code and everything it pulls
 * in are read through Node's compile cache.
 */

const readAppVersion = (builtDir: string): string => {
  try {
    const pkg: unknown = JSON.parse(readFileSync(join(builtDir, '..', '..', 'package.json'), 'utf8'))
    const version = (pkg as { version?: unknown }).version
    return typeof version === 'string' ? version : '0.0.0'
  } catch {
    return '0.0.0'
  }
}

const createContext = (argv: readonly string[], json: boolean, builtDir: string): CliContext => ({
  dbPath: resolve(resolveDbPath(argv, process.env, defaultUserDataDir(process.platform, process.env, homedir()))),
  json,
  appVersion: readAppVersion(builtDir),
  workerFile: join(builtDir, 'worker.js'),
  rendererDir: join(builtDir, '..', 'renderer'),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})

/** A command's help, naming the commands its name starts (`backup` → `backup list`). */
const helpFor = (name: string, command: Command): string => commandHelp(name, command, commandGroup(name))

/** A failure that happened before or around a command's own answer, as the one JSON document `--json` promises. */
const failureDocument = (code: string, message: string): string =>
  JSON.stringify({ ok: false, error: { code, message, fields: {} } })

/**
 * A usage error: the message and the relevant usage on stderr, exit 2. With --json, stdout still carries one
 * document (code USAGE), so a script parsing stdout never meets an empty string.
 */
const usageError = (message: string, command: string | undefined, json: boolean): number => {
  const found = command === undefined ? undefined : findCommand(command)
  const text = found === undefined || command === undefined ? usage(COMMANDS) : helpFor(command, found)
  process.stderr.write(`credit-ledger: ${message}\n\n${text}\n`)
  if (json) process.stdout.write(`${failureDocument('USAGE', message)}\n`)
  return 2
}

/**
 * Two-word commands ("settings get"): when the first word starts commands, the next positional word completes the
 * name. A word that is also a command itself ("backup", "backup list") takes the next word only when that names one
 * of its group; otherwise the word runs as its own command (stray words are then its usage error). Answers the line
 * unchanged otherwise, or a usage text when a group-only word stands alone.
 */
const completeGroup = (line: CommandLine): CommandLine | { readonly groupUsage: string } => {
  if (line.command === undefined) return line
  const group = commandGroup(line.command)
  if (group === undefined) return line
  const sub = splitCommandLine(line.rest)
  if (findCommand(line.command) !== undefined) {
    if (sub.command === undefined || findCommand(`${line.command} ${sub.command}`) === undefined) return line
  } else if (sub.command === undefined) return { groupUsage: usage(group) }
  return { ...sub, command: `${line.command} ${sub.command}`, help: line.help || sub.help, json: line.json || sub.json }
}

/**
 * Run one command line; resolves to the exit code (serve resolves only after a shutdown signal). `builtDir` is the
 * folder of the built cli.js: the worker and the renderer are found beside it.
 */
export const run = async (argv: readonly string[], builtDir: string): Promise<number> => {
  const completed = completeGroup(splitCommandLine(argv))
  if ('groupUsage' in completed) {
    const first = splitCommandLine(argv)
    if (first.help) {
      process.stdout.write(`${completed.groupUsage}\n`)
      return 0
    }
    const message = `"${first.command ?? ''}" needs a subcommand`
    process.stderr.write(`credit-ledger: ${message}\n\n${completed.groupUsage}\n`)
    if (first.json) process.stdout.write(`${failureDocument('USAGE', message)}\n`)
    return 2
  }
  const line = completed
  if (line.command === undefined) {
    if (line.help) {
      process.stdout.write(`${usage(COMMANDS)}\n`)
      return 0
    }
    return usageError('no command given', undefined, line.json)
  }
  const command = findCommand(line.command)
  if (command === undefined) return usageError(`unknown command "${line.command}"`, undefined, line.json)
  if (line.help) {
    process.stdout.write(`${helpFor(line.command, command)}\n`)
    return 0
  }
  const context = createContext(argv, line.json, builtDir)
  try {
    return await command.run(context, line.command, line.rest)
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message, error.command, line.json)
    // Anything unexpected (the database could not be opened, the port is taken…) is a failure of the run: exit 1.
    const message = error instanceof Error ? error.message : String(error)
    context.err(`credit-ledger ${line.command}: ${message}`)
    if (line.json) context.out(failureDocument('INTERNAL', message))
    return 1
  }
}
