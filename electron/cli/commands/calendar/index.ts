import type { Command } from '../../command'
import { calendarExportCommand } from './export'
import { calendarFeedsCommand } from './feeds'

/** The calendar commands (issue 6 §8), in the order `--help` lists them. */
export const CALENDAR_COMMANDS: Readonly<Record<string, Command>> = {
  'calendar export': calendarExportCommand,
  'calendar feeds': calendarFeedsCommand,
}
