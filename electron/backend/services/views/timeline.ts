import { ApiFailure } from '@shared/api/result'
import type { Timeline, TimelineBar, TimelineMarker } from '@shared/api/types/views'
import { programEnd } from '@shared/ledger/programs'
import { amountView } from '@shared/money/amount-view'
import { DAY_MS } from '@shared/time/calendar'
import { isoInstant, type InstantText } from '@shared/time/iso-instant'
import { accountLedgers } from '../../ledger/account-ledger'
import { storedLotId } from '../../ledger/engine-ids'
import type { ServiceContext } from '../context'
import { resolveAt } from '../instants'
import { isoOrNull } from './view-amounts'
import { viewAccounts } from './view-accounts'

/**
 * ledger.timeline: lots as bars over [from, to), and renewals (period starts), expiries and plan ends as markers.
 * The replay runs to `to`, so plans keep renewing into the future; after now no usage is known, so a future expiry
 * marker shows what would expire if nothing more were used (ledger.expiring and ledger.forecast apply the pace),
 * while the bars carry each lot's amounts as of now.
 */

export const DEFAULT_TIMELINE_SPAN_MS = 90 * DAY_MS

export interface TimelineInput {
  readonly from?: InstantText | undefined
  readonly to?: InstantText | undefined
  readonly accountId?: number | undefined
}

const byStart = (a: TimelineBar, b: TimelineBar): number => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)

/** Same-instant markers in the replay's phase order: what closes goes before what opens. */
const RANK: Readonly<Record<TimelineMarker['type'], number>> = { expiry: 0, plan_end: 1, renewal: 2 }
const byMoment = (a: TimelineMarker, b: TimelineMarker): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : RANK[a.type] - RANK[b.type]

export const timeline = (ctx: ServiceContext, input: TimelineInput = {}): Timeline => {
  const now = ctx.clock.now()
  const from = input.from === undefined ? now - DEFAULT_TIMELINE_SPAN_MS : resolveAt(ctx, input.from)
  const to = input.to === undefined ? Math.max(now, from) + DEFAULT_TIMELINE_SPAN_MS : resolveAt(ctx, input.to)
  if (to <= from) {
    const message = 'To must be after From'
    throw new ApiFailure({ code: 'VALIDATION', message, fields: { to: message } })
  }
  const accounts = viewAccounts(ctx, input)
  const ledgers = new Map(
    accountLedgers(
      ctx,
      accounts.map((a) => a.ref.id),
      to,
    ).map((l) => [l.accountId, l]),
  )
  // Bars show what is known now (used, left, already expired); only markers look ahead, at what would expire if
  // nothing more were used. So a lot expiring next month is not drawn as already expired.
  const present =
    to > now
      ? new Map(
          accountLedgers(
            ctx,
            accounts.map((a) => a.ref.id),
            now,
          ).map((l) => [l.accountId, new Map(l.result.lots.map((lot) => [lot.id, lot]))]),
        )
      : null
  const bars: TimelineBar[] = []
  const markers: TimelineMarker[] = []
  const inRange = (at: number) => at >= from && at < to
  for (const account of accounts) {
    const ledger = ledgers.get(account.ref.id)
    if (ledger === undefined) continue
    const view = (minor: number) => amountView(minor, account.ref.unitId, account.scale)
    const programs = new Map(ledger.facts.programs.map((program) => [program.id, program]))
    const nameOf = (id: string | null) => (id === null ? null : (programs.get(id)?.name ?? null))
    for (const lot of ledger.result.lots) {
      if (lot.status === 'scheduled' || lot.granted === 0) continue
      const end = lot.closedAt ?? lot.expiresAt
      if (lot.effectiveAt < to && (end === null || end > from)) {
        const known = present === null ? lot : present.get(account.ref.id)?.get(lot.id)
        bars.push({
          account: account.ref,
          lotId: lot.id,
          storedId: storedLotId(lot.id) ?? null,
          programId: lot.programId,
          kind: lot.kind,
          status: lot.status,
          start: isoInstant(lot.effectiveAt),
          end: isoOrNull(end),
          granted: view(lot.granted),
          consumed: view(known?.consumed ?? 0),
          remaining: view(known?.remaining ?? lot.granted),
          expired: view(known?.expired ?? 0),
          future: lot.effectiveAt > now,
        })
      }
      const base = { account: account.ref, programId: lot.programId, programName: nameOf(lot.programId), lotId: lot.id }
      if (lot.programId !== null && lot.parentLotId === null && lot.periodIndex !== null && inRange(lot.effectiveAt)) {
        const at = lot.effectiveAt
        markers.push({ type: 'renewal', at: isoInstant(at), ...base, amount: view(lot.granted), future: at > now })
      }
      if (lot.expired > 0 && lot.closedAt !== null && inRange(lot.closedAt)) {
        const at = lot.closedAt
        markers.push({ type: 'expiry', at: isoInstant(at), ...base, amount: view(lot.expired), future: at > now })
      }
    }
    for (const program of ledger.facts.programs) {
      const end = programEnd(program)
      if (end === null || !inRange(end)) continue
      markers.push({
        type: 'plan_end',
        at: isoInstant(end),
        account: account.ref,
        programId: program.id,
        programName: program.name,
        lotId: null,
        amount: null,
        future: end > now,
      })
    }
  }
  return {
    from: isoInstant(from),
    to: isoInstant(to),
    now: isoInstant(now),
    bars: bars.sort(byStart),
    markers: markers.sort(byMoment),
  }
}
