import { parseArgs } from 'node:util'

/** One option of a command, described once for both parsing and `--help`. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  /** Placeholder shown in help for string options, e.g. `N` in `--port N`. */
  readonly value?: string
  readonly description: string
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>

/** What a command receives: each declared option, typed by its spec, absent when not given. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean
}

/** Options every command accepts, before or after the command name. */
export const GLOBAL_OPTIONS = {
  db: { type: 'string', value: 'PATH', description: 'Database file (else $CREDIT_LEDGER_DB, else the app’s own)' },
  json: { type: 'boolean', description: 'Print machine-readable JSON on stdout' },
  help: { type: 'boolean', short: 'h', description: 'Show help for the command' },
} as const satisfies OptionSpecs

/** A mistake in the command line: main prints it with the usage on stderr and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

export interface CommandLine {
  /** The first positional word, if any (unknown names are main's business). */
  readonly command: string | undefined
  /** argv without the command word, to be parsed strictly against the command's own options. */
  readonly rest: readonly string[]
  readonly help: boolean
  readonly json: boolean
}

/**
 * First pass, lenient: find the command word and the global flags without knowing the command's options
 * yet. `--db PATH` is declared here so its value is never mistaken for the command word.
 */
export const splitCommandLine = (argv: readonly string[]): CommandLine => {
  const { tokens } = parseArgs({
    args: [...argv],
    options: GLOBAL_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  const first = tokens.find((token) => token.kind === 'positional')
  const flag = (name: string) => tokens.some((token) => token.kind === 'option' && token.name === name)
  return {
    command: first?.value,
    rest: first === undefined ? [...argv] : argv.filter((_, index) => index !== first.index),
    help: flag('help'),
    json: flag('json'),
  }
}

/** What a command receives after the strict pass: its options and exactly the positional words it declared. */
export interface ParsedCommand<O extends OptionSpecs> {
  readonly values: OptionValues<O> & OptionValues<typeof GLOBAL_OPTIONS>
  readonly args: readonly string[]
}

/**
 * Second pass, strict: unknown options, missing values and stray words are usage errors. `positionals` names the
 * words the command takes (for the message); a command that declares none accepts none.
 */
export const parseCommandOptions = <O extends OptionSpecs>(
  command: string,
  rest: readonly string[],
  options: O,
  positionals: readonly string[] = [],
): ParsedCommand<O> => {
  let parsed: ParsedCommand<O>
  try {
    const { values, positionals: args } = parseArgs({
      args: [...rest],
      options: { ...GLOBAL_OPTIONS, ...options },
      strict: true,
      allowPositionals: positionals.length > 0,
    })
    // parseArgs in strict mode has checked every value against the same specs the return type is derived from.
    parsed = { values, args }
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), command)
  }
  if (parsed.args.length !== positionals.length) {
    throw new UsageError(`expected ${positionals.join(' ')}, got ${parsed.args.length} word(s)`, command)
  }
  return parsed
}

/** `--port N`: a whole number 0–65535; 0 (or absent) lets the system pick a free port. */
export const parsePort = (command: string, value: string | undefined): number => {
  if (value === undefined) return 0
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isInteger(port) || port > 65_535) throw new UsageError(`--port must be 0–65535, got "${value}"`, command)
  return port
}

/** An `ID` word or `--vendor ID` value: digits only (the backend then checks it is positive and exists). */
export const parseId = (command: string, label: string, value: string): number => {
  if (!/^\d{1,15}$/.test(value)) throw new UsageError(`${label} must be a whole number, got "${value}"`, command)
  return Number(value)
}
