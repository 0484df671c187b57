import { ActiveLots } from './active-lots'
import type { DrawdownPolicy } from './drawdown-order'
import { applies, record, recordUse, sortKeyOf, type LotState } from './lot-state'
import type { AccountSpec, Instant, Observation, UsageFact } from './model'
import type { AllocationSlice, DebtSlice, Notice } from './results'

/**
 * The mutable state of one account during a replay: lots, the drawdown-ordered set of usable lots, outstanding
 * debt and running totals. Every movement keeps per-lot conservation:
 * granted = remaining + consumed + expired + voided + rolledOut.
 */
export class WorkingLedger {
  readonly active: ActiveLots
  /** Σ remaining of usable lots, and of those usable by any usage (unrestricted): kept so balances are O(1). */
  remainingTotal = 0
  unrestrictedRemaining = 0
  debtTotal = 0

  constructor(
    readonly account: AccountSpec,
    policy: DrawdownPolicy,
    readonly lots: Map<string, LotState>,
    readonly debt: DebtSlice[],
    readonly notices: Notice[],
    readonly allocations: AllocationSlice[] | null,
  ) {
    this.active = new ActiveLots(policy)
    for (const lot of lots.values()) {
      if (lot.status === 'active' && lot.remaining > 0) this.addActive(lot)
    }
    for (const slice of debt) this.debtTotal += slice.amount
  }

  private addActive(lot: LotState): void {
    this.active.insert(lot)
    this.remainingTotal += lot.remaining
    if (lot.tags.length === 0) this.unrestrictedRemaining += lot.remaining
  }

  private take(lot: LotState, amount: number): void {
    lot.remaining -= amount
    this.remainingTotal -= amount
    if (lot.tags.length === 0) this.unrestrictedRemaining -= amount
  }

  get balance(): number {
    return this.remainingTotal - this.debtTotal
  }

  /** A lot becomes usable at `at` (its effective time, phase 3). */
  grant(lot: LotState, at: Instant): void {
    if (lot.status !== 'scheduled') return
    lot.status = 'active'
    lot.remaining = lot.amount
    record(lot, { at, type: 'grant', amount: lot.amount })
    if (lot.amount > 0) this.addActive(lot)
  }

  /** Close a lot: what remains is expired (end of life) or voided (refund/cancellation). */
  close(lot: LotState, at: Instant, how: 'expire' | 'void', note?: string): number {
    if (lot.status === 'closed') return 0
    const left = lot.remaining
    if (lot.status === 'active' && left > 0) {
      this.active.remove(lot)
      this.take(lot, left)
    }
    if (how === 'expire') lot.expired += left
    else lot.voided += left
    lot.status = 'closed'
    lot.closedAt = at
    if (left > 0 || how === 'void') record(lot, { at, type: how, amount: left, ...(note ? { note } : {}) })
    if (how === 'expire' && lot.kind === 'commitment' && left > 0) {
      this.notices.push({ kind: 'commitment_shortfall', at, lotId: lot.id, unused: left })
    }
    return left
  }

  /** A vendor balance that disagrees with the model beyond its tolerance is flagged, never used to edit lots. */
  observe(observation: Observation, at: Instant): void {
    const model = this.balance
    if (Math.abs(observation.balance - model) > observation.tolerance) {
      this.notices.push({ kind: 'drift', at, observationId: observation.id, observed: observation.balance, model })
    }
  }

  /**
   * The vendor moved a live lot's expiry (to `requested`, recorded at `at`; an expiry in the past means now): its
   * place in the drawdown order moves with it.
   */
  changeExpiry(lot: LotState, requested: Instant | null, at: Instant): void {
    const expiresAt = requested === null ? null : Math.max(requested, at)
    const listed = lot.status === 'active' && lot.remaining > 0
    if (listed) this.active.remove(lot)
    lot.expiresAt = expiresAt
    lot.sortKey = sortKeyOf(lot)
    if (listed) this.active.insert(lot)
    const note = expiresAt === null ? 'never expires' : `expires ${new Date(expiresAt).toISOString()}`
    record(lot, { at, type: 'expiry_change', amount: 0, note })
  }

  /** Move part of a lot into a child lot (rollover); the caller schedules the child's grant. */
  rollOut(lot: LotState, amount: number, at: Instant, childId: string): void {
    if (amount <= 0) return
    this.take(lot, amount)
    lot.rolledOut += amount
    record(lot, { at, type: 'roll_out', amount, note: childId })
    if (lot.remaining === 0) this.active.remove(lot)
  }

  /**
   * Refund with clawback: the whole lot is voided and what it paid for is owed again. The usable lots pay that at
   * once, in drawdown order (ledger-semantics §9.10), and only what none covers is debt. (Fix: the owed part used to
   * become debt while other lots still had credit; as phase-4 repayment only runs on grants, a later lot could then
   * expire with credit left while the account showed a negative balance.) The lot is closed first so it cannot pay
   * its own clawback.
   */
  clawback(lot: LotState, at: Instant, usageId: string): void {
    const used = lot.consumed
    this.close(lot, at, 'void', 'refund')
    if (used <= 0) return
    lot.consumed = 0
    lot.voided += used
    record(lot, { at, type: 'clawback', amount: used })
    const left = this.draw(used, [], at, usageId, true)
    if (left > 0) this.addDebt({ usageId, at, amount: left, tags: [] })
  }

  /**
   * A receipt confirms a projected recharge: the projection closes (voided) and the real purchase takes over what
   * the projection had paid for — first from the receipt itself, then, if it was smaller, like a refund.
   */
  replaceProjected(projected: LotState, receipt: LotState, at: Instant): void {
    const used = projected.consumed
    const note = `confirmed by ${receipt.id}`
    this.close(projected, at, 'void', note)
    if (used <= 0) return
    projected.consumed = 0
    projected.voided += used
    record(projected, { at, type: 'clawback', amount: used, note })
    const usageId = `recharge:${projected.id}`
    let left = used
    // A receipt restricted to some usage cannot pay for what the (unrestricted) projection paid: draw it instead.
    if (receipt.status === 'active' && receipt.remaining > 0 && receipt.tags.length === 0) {
      const amount = Math.min(receipt.remaining, left)
      this.take(receipt, amount)
      receipt.consumed += amount
      left -= amount
      record(receipt, { at, type: 'consume', amount, note: `took over from ${projected.id}` })
      this.allocations?.push({ usageId, lotId: receipt.id, amount, at })
      if (receipt.remaining === 0) this.active.remove(receipt)
    }
    if (left > 0) left = this.draw(left, [], at, usageId, true)
    if (left > 0) this.addDebt({ usageId, at, amount: left, tags: [] })
  }

  private addDebt(slice: DebtSlice): void {
    const before = this.debtTotal
    this.debt.push(slice)
    this.debtTotal += slice.amount
    const { mode, limit } = this.account.overdraft
    if (mode === 'none' && before === 0) {
      this.notices.push({ kind: 'over_limit', at: slice.at, debt: this.debtTotal, usageId: slice.usageId })
    } else if (mode === 'limit' && before <= limit && this.debtTotal > limit) {
      this.notices.push({ kind: 'over_limit', at: slice.at, debt: this.debtTotal, usageId: slice.usageId })
    } else if (before === 0) {
      this.notices.push({ kind: 'negative_balance', at: slice.at, debt: this.debtTotal })
    }
  }

  /** Draw `need` for a usage through the lots in drawdown order; what no lot covers becomes debt (never dropped). */
  private draw(need: number, tags: readonly string[], at: Instant, usageId: string, repay: boolean): number {
    const lots = this.active.lots
    let left = need
    let i = 0
    while (left > 0 && i < lots.length) {
      const lot = lots[i]
      if (lot === undefined) break
      // A lot expiring at this very instant is no longer usable, even before its expiry event has run (a refund
      // processed in the same phase). (Fix: a clawback could be repaid from it.)
      if ((lot.tags.length > 0 && !applies(lot, tags)) || (lot.expiresAt !== null && lot.expiresAt <= at)) {
        i += 1
        continue
      }
      const amount = lot.remaining < left ? lot.remaining : left
      lot.remaining -= amount
      lot.consumed += amount
      this.remainingTotal -= amount
      if (lot.tags.length === 0) this.unrestrictedRemaining -= amount
      left -= amount
      recordUse(lot, at, amount, repay ? 'repay' : 'consume')
      this.allocations?.push({ usageId, lotId: lot.id, amount, at })
      if (lot.remaining === 0) lots.splice(i, 1)
      else i += 1
    }
    return left
  }

  consume(usage: UsageFact): void {
    if (!usage.billable || usage.amount === 0) return
    const uncovered = this.draw(usage.amount, usage.tags, usage.occurredAt, usage.id, false)
    if (uncovered > 0) {
      this.allocations?.push({ usageId: usage.id, lotId: null, amount: uncovered, at: usage.occurredAt })
      this.addDebt({ usageId: usage.id, at: usage.occurredAt, amount: uncovered, tags: usage.tags })
    }
  }

  /** Pay-as-you-go overage (account.overdraft.billedWith) is invoiced in money: it leaves the balance, with a notice. */
  billDebt(at: Instant, programId: string): void {
    if (this.debtTotal === 0) return
    this.notices.push({ kind: 'overage_billed', at, programId, amount: this.debtTotal })
    this.debt.splice(0, this.debt.length)
    this.debtTotal = 0
  }

  /** Phase 4: newly usable lots pay outstanding debt, oldest slice first, each in drawdown order. Billed overage never. */
  repayDebt(at: Instant): void {
    if (this.debtTotal === 0 || this.account.overdraft.billedWith !== undefined) return
    let index = 0
    while (index < this.debt.length) {
      const slice = this.debt[index]
      if (slice === undefined) break
      const left = this.draw(slice.amount, slice.tags, at, slice.usageId, true)
      const repaid = slice.amount - left
      this.debtTotal -= repaid
      if (left === 0) this.debt.splice(index, 1)
      else {
        this.debt[index] = { ...slice, amount: left }
        index += 1
      }
    }
  }
}
