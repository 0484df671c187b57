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
    'With --json, stdout carries one document: {"ok":true,"data":…} or {"ok":false,"error":{"code","message","fields"}}.',
    'Instants are ISO 8601 (without an offset: in your time zone setting); durations are ISO 8601 too, e.g. P30D.',
    'Exit codes: 0 ok, 1 the command failed, 2 a usage error.',
    '',
    `Run \`${BIN} <command> --help\` for a command's options.`,
  ].join('\n')

/**
 * Help for one command: its synopsis, its own options, then the global ones. `related` lists the commands its name
 * starts (`backup` → `backup list`), which `backup --help` would otherwise hide behind the command's own help.
 */
export const commandHelp = (
  name: string,
  command: Command,
  related: Readonly<Record<string, Command>> = {},
): string => {
  const own = optionLines(command.options)
  const more = Object.entries(related).filter(([other]) => other !== name)
  return [
    `Usage: ${BIN} ${name} ${command.synopsis}`.trimEnd(),
    '',
    command.summary,
    ...(own.length > 0 ? ['', 'Options:', ...own] : []),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    ...(more.length > 0
      ? ['', 'Related commands:', ...more.map(([other, { summary }]) => `  ${other.padEnd(20)} ${summary}`)]
      : []),
  ].join('\n')
}
