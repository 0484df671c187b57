import type { CalendarFeedView } from '@shared/api/types/calendar'
import { parseId, splitCommandLine, UsageError } from '../../args'
import { defineCommand, type Command } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'

/**
 * `calendar feeds list|create|revoke`: the read-only calendar URLs `serve` answers (issue 6 §8). The command table
 * completes two words ("calendar feeds"), so this one command takes the third as its action and hands the rest of
 * the line to that action's own strict parser.
 */

const COMMAND = 'calendar feeds'
const SERVE_HINT =
  'Serve answers it at http://127.0.0.1:PORT<path> while `credit-ledger serve` runs (PORT: the one it prints).'

const stateOf = (feed: CalendarFeedView): string => (feed.revokedAt === null ? 'active' : 'revoked')

const listCommand = defineCommand({
  summary: 'List calendar feeds',
  synopsis: '',
  options: {},
  run: (context) =>
    callAndRespond(
      context,
      `${COMMAND} list`,
      'calendar.feeds.list',
      {},
      {
        human: (feeds) =>
          feeds.length === 0
            ? ['No calendar feeds. `credit-ledger calendar feeds create --label NAME` makes one.']
            : table<CalendarFeedView>(
                [
                  { header: 'ID', cell: (feed) => String(feed.id), right: true },
                  { header: 'STATE', cell: stateOf },
                  { header: 'CREATED (UTC)', cell: (feed) => feed.createdAt },
                  { header: 'LAST FETCHED (UTC)', cell: (feed) => feed.lastUsedAt ?? 'never' },
                  { header: 'LABEL', cell: (feed) => feed.label },
                ],
                feeds,
              ),
      },
    ),
})

const createCommand = defineCommand({
  summary: 'Create a calendar feed',
  synopsis: '--label LABEL',
  options: { label: { type: 'string', value: 'LABEL', description: 'What the feed is for, e.g. "Phone"' } },
  run: (context, values) => {
    if (values.label === undefined) throw new UsageError('create needs --label LABEL', COMMAND)
    return callAndRespond(
      context,
      `${COMMAND} create`,
      'calendar.feeds.create',
      { label: values.label },
      {
        flags: { label: '--label' },
        human: (feed) => [
          `Created calendar feed ${feed.id} (${feed.label}). Its path, shown this once (only a hash is kept):`,
          `  ${feed.path}`,
          SERVE_HINT,
          `\`credit-ledger calendar feeds revoke ${feed.id}\` turns it off.`,
        ],
      },
    )
  },
})

const revokeCommand = defineCommand({
  summary: 'Revoke a calendar feed',
  synopsis: 'ID',
  positionals: ['ID'],
  options: {},
  run: (context, _values, [id = '']) =>
    callAndRespond(
      context,
      `${COMMAND} revoke`,
      'calendar.feeds.revoke',
      { id: parseId(COMMAND, 'ID', id) },
      {
        flags: { id: 'ID' },
        human: (feed) => [`Revoked calendar feed ${feed.id} (${feed.label}) at ${feed.revokedAt ?? ''}`],
      },
    ),
})

const ACTIONS: Readonly<Record<string, Command>> = { list: listCommand, create: createCommand, revoke: revokeCommand }

export const calendarFeedsCommand: Command = {
  summary: 'Calendar feed URLs for `serve`: list them, create one (its token is shown once), revoke one',
  synopsis: 'list | create --label LABEL | revoke ID',
  options: createCommand.options,
  run: (context, _name, rest) => {
    const { command: word, rest: args } = splitCommandLine(rest)
    const action = word !== undefined && Object.hasOwn(ACTIONS, word) ? ACTIONS[word] : undefined
    if (action === undefined) throw new UsageError(`${COMMAND} needs list, create or revoke`, COMMAND)
    return action.run(context, COMMAND, args)
  },
}
