import { parseCommandOptions, type GLOBAL_OPTIONS, type OptionSpecs, type OptionValues } from './args'

/** Everything a command needs from the outside world, decided once in main (ports, not globals). */
export interface CliContext {
  /** DESIGN §7 precedence already applied: --db > $CREDIT_LEDGER_DB > <userData>/credit-ledger.db. */
  readonly dbPath: string
  readonly json: boolean
  readonly appVersion: string
  /** Built files next to cli.js: the backend worker bundle and the renderer to serve. */
  readonly workerFile: string
  readonly rendererDir: string
  /** stdout carries only the command's result (a JSON document, the Serving line); logs go to stderr. */
  readonly out: (line: string) => void
  readonly err: (line: string) => void
}

/** A command as the table stores it: options erased, parsing done by `defineCommand`'s wrapper. */
export interface Command {
  readonly summary: string
  /** Arguments after the command name, for the usage line, e.g. `[--port N]`. */
  readonly synopsis: string
  readonly options: OptionSpecs
  /** Names of the positional words the command requires, in order (none unless declared). */
  readonly positionals?: readonly string[]
  /** Exit code: 0 ok, 1 the command ran and failed (problems found), 2 usage (thrown as UsageError). */
  readonly run: (context: CliContext, name: string, rest: readonly string[]) => Promise<number>
}

export interface CommandSpec<O extends OptionSpecs> {
  readonly summary: string
  readonly synopsis: string
  readonly options: O
  readonly positionals?: readonly string[]
  readonly run: (
    context: CliContext,
    values: OptionValues<O> & OptionValues<typeof GLOBAL_OPTIONS>,
    args: readonly string[],
  ) => Promise<number>
}

/** Keeps each command's option values precisely typed while the table holds one uniform shape. */
export const defineCommand = <O extends OptionSpecs>(spec: CommandSpec<O>): Command => ({
  summary: spec.summary,
  synopsis: spec.synopsis,
  options: spec.options,
  ...(spec.positionals === undefined ? {} : { positionals: spec.positionals }),
  run: (context, name, rest) => {
    const parsed = parseCommandOptions(name, rest, spec.options, spec.positionals)
    return spec.run(context, parsed.values, parsed.args)
  },
})
