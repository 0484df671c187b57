import type { Timeline, TimelineBar, TimelineMarker } from '@shared/api/types/views'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'
import { accountName, accountOption, amount, present, VIEW_FLAGS, when } from './format'

/** `timeline`: lots as bars and renewals, expiries and plan ends as dated markers. */

const MARKER_TEXT: Readonly<Record<TimelineMarker['type'], string>> = {
  renewal: 'renews',
  expiry: 'expires',
  plan_end: 'plan ends',
}

const markerText = (marker: TimelineMarker): string => {
  const what = marker.programName ?? marker.lotId ?? ''
  const amountText = marker.amount === null ? '' : ` ${amount(marker.amount)}`
  return `${what} ${MARKER_TEXT[marker.type]}${amountText}${marker.future ? ' (ahead)' : ''}`
}

const timelineLines = (timeline: Timeline): string[] => [
  `Timeline from ${when(timeline.from)} to ${when(timeline.to)} (now ${when(timeline.now)})`,
  '',
  ...(timeline.bars.length === 0
    ? ['No lots in this range.']
    : table<TimelineBar>(
        [
          { header: 'ACCOUNT', cell: (bar) => accountName(bar.account) },
          { header: 'LOT', cell: (bar) => bar.lotId },
          { header: 'KIND', cell: (bar) => bar.kind },
          { header: 'FROM', cell: (bar) => when(bar.start) },
          { header: 'TO', cell: (bar) => when(bar.end) },
          { header: 'GRANTED', cell: (bar) => amount(bar.granted), right: true },
          { header: 'USED', cell: (bar) => amount(bar.consumed), right: true },
          { header: 'EXPIRED', cell: (bar) => amount(bar.expired), right: true },
          { header: 'REMAINING', cell: (bar) => amount(bar.remaining), right: true },
        ],
        timeline.bars,
      )),
  ...(timeline.markers.length === 0
    ? []
    : [
        '',
        ...table<TimelineMarker>(
          [
            { header: 'WHEN', cell: (marker) => when(marker.at) },
            { header: 'ACCOUNT', cell: (marker) => accountName(marker.account) },
            { header: 'EVENT', cell: markerText },
          ],
          timeline.markers,
        ),
      ]),
]

export const timelineCommand = defineCommand({
  summary: 'Lots, renewals, expiries and plan ends between two instants (default 90 days either side of now)',
  synopsis: '[--from ISO] [--to ISO] [--account ID]',
  options: {
    from: { type: 'string', value: 'ISO', description: 'Start of the range (default 90 days ago)' },
    to: { type: 'string', value: 'ISO', description: 'End of the range, exclusive (default 90 days ahead)' },
    account: { type: 'string', value: 'ID', description: 'Only this account' },
  },
  run: (context, values) =>
    callAndRespond(
      context,
      'timeline',
      'ledger.timeline',
      { ...present({ from: values.from, to: values.to }), ...accountOption('timeline', values.account) },
      { flags: VIEW_FLAGS, human: timelineLines },
    ),
})
