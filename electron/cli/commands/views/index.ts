import type { Command } from '../../command'
import { balanceCommand } from './balance'
import { bucketsCommand } from './buckets'
import { expiringCommand, forecastCommand } from './forecast'
import { historyCommand, noticesCommand } from './history'
import { reportCommand, subscriptionsCommand } from './report'
import { timelineCommand } from './timeline'

/** The views commands (issue 4), in the order `--help` lists them. */
export const VIEW_COMMANDS: Readonly<Record<string, Command>> = {
  balance: balanceCommand,
  buckets: bucketsCommand,
  timeline: timelineCommand,
  expiring: expiringCommand,
  forecast: forecastCommand,
  history: historyCommand,
  notices: noticesCommand,
  report: reportCommand,
  'report subscriptions': subscriptionsCommand,
}
