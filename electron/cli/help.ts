import { GLOBAL_OPTIONS, type OptionSpecs } from './args'
import type { Command } from './command'

const BIN = 'credit-ledger'

const optionLines = (options: OptionSpecs): string[] =>
  Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short === undefined ? '' : `-${spec.short}, `}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`
    return `  ${flag.padEnd(20)} ${spec.description}`
  })

/** The top-level usage: every command with its summary, then the global options. */
export const usage = (commands: Readonly<Record<string, Command>>): string =>
  [
    `Usage: ${BIN} [--db PATH] [--json] <command> [options]`,
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(20)} ${command.summary}`),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    `Run \`${BIN} <command> --help\` for a command's options.`,
  ].join('\n')

/** Help for one command: its synopsis, its own options, then the global ones. */
export const commandHelp = (name: string, command: Command): string => {
  const own = optionLines(command.options)
  return [
    `Usage: ${BIN} ${name} ${command.synopsis}`.trimEnd(),
    '',
    command.summary,
    ...(own.length > 0 ? ['', 'Options:', ...own] : []),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
  ].join('\n')
}
