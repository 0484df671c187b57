import type { Command } from '../../command'
import { lotAddCommand, lotExpireAtCommand, lotListCommand, lotRetractCommand, lotVoidCommand } from './lot'
import { observeCommand, observeListCommand } from './observe'
import { planAddCommand, planCancelCommand, planEditCommand, planListCommand } from './plan'
import { rateAddCommand, rateListCommand } from './rate'
import { rechargeAddCommand, rechargeEditCommand, rechargeListCommand, rechargeRemoveCommand } from './recharge'
import { usageAddCommand, usageListCommand, usageRemoveCommand } from './usage'

/** The facts commands (issue 4), in the order `--help` lists them. */
export const FACT_COMMANDS: Readonly<Record<string, Command>> = {
  'plan add': planAddCommand,
  'plan list': planListCommand,
  'plan edit': planEditCommand,
  'plan cancel': planCancelCommand,
  'recharge add': rechargeAddCommand,
  'recharge list': rechargeListCommand,
  'recharge edit': rechargeEditCommand,
  'recharge remove': rechargeRemoveCommand,
  'lot add': lotAddCommand,
  'lot list': lotListCommand,
  'lot void': lotVoidCommand,
  'lot retract': lotRetractCommand,
  'lot expire-at': lotExpireAtCommand,
  'usage add': usageAddCommand,
  'usage list': usageListCommand,
  'usage remove': usageRemoveCommand,
  'rate add': rateAddCommand,
  'rate list': rateListCommand,
  observe: observeCommand,
  'observe list': observeListCommand,
}
