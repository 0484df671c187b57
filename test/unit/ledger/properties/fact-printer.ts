import type { ExpiryRule, LedgerFacts } from '@shared/ledger/model'

/**
 * A compact, line-per-fact rendering of LedgerFacts, so a shrunk fast-check counterexample reads as the facts the
 * engine saw rather than as a nested JSON spec.
 */

const iso = (at: number): string => {
  const text = new Date(at).toISOString()
  return text.endsWith(':00.000Z') ? `${text.slice(0, 16)}Z` : text
}

const expiryText = (rule: ExpiryRule | 'period'): string => {
  if (rule === 'period') return 'period'
  switch (rule.kind) {
    case 'never':
      return 'never'
    case 'at':
      return `at ${iso(rule.at)}`
    case 'after':
      return `after ${JSON.stringify(rule.duration).replace(/"|,?"?\w+"?:0/g, '')}`
    case 'end_of_local_day':
      return 'end_of_local_day'
  }
}

/** The facts of a scenario as short readable lines: what a counterexample in a report should look like. */
export const describeFacts = (facts: LedgerFacts): string => {
  const lines: string[] = []
  const { account } = facts
  lines.push(
    `account zone=${account.zone} policy=[${account.drawdown.keys.join(',')}] overdraft=${JSON.stringify(account.overdraft)}`,
  )
  for (const l of facts.lots) {
    lines.push(
      `lot ${l.id} seq=${l.createdSeq} ${l.kind}/${l.funding} amount=${l.amount} cost=${l.cost?.amount ?? 'null'} ` +
        `eff=${iso(l.effectiveAt)} exp=${expiryText(l.expiry)} prio=${l.priority} tags=[${l.tags.join(',')}]` +
        (l.endsWithProgram ? ` endsWith=${l.endsWithProgram}` : ''),
    )
  }
  for (const p of facts.programs) {
    lines.push(
      `program ${p.id} seq=${p.createdSeq} ${p.kind} anchor=${JSON.stringify(p.anchor.local).replace(/"/g, '')}@${p.anchor.zone} ` +
        `every=${JSON.stringify(p.interval).replace(/"|,?"?\w+"?:0/g, '')} amount=${p.amountPerPeriod} periods=${p.periods} ` +
        `endsAt=${p.endsAt === null ? 'null' : iso(p.endsAt)} lot={${p.lot.kind}/${p.lot.funding} prio=${p.lot.priority} ` +
        `tags=[${p.lot.tags.join(',')}] exp=${expiryText(p.lot.expiry)}} rollover=${JSON.stringify(p.rollover)} ` +
        `rolled=${JSON.stringify(p.rolled)} lostOnEnd=${p.rolledLostOnEnd} cost=${p.costPerPeriod?.amount ?? 'null'}` +
        (p.totalCost ? ` totalCost=${p.totalCost.amount}` : ''),
    )
  }
  for (const u of facts.usage) {
    lines.push(
      `usage ${u.id} seq=${u.createdSeq} at=${iso(u.occurredAt)} amount=${u.amount} tags=[${u.tags.join(',')}]` +
        (u.billable ? '' : ' NOT billable'),
    )
  }
  for (const e of facts.lotEvents) {
    const rest =
      e.kind === 'void'
        ? ` at=${iso(e.at)} mode=${e.mode}`
        : e.kind === 'expiry_change'
          ? ` at=${iso(e.at)} expiresAt=${e.expiresAt === null ? 'null' : iso(e.expiresAt)}`
          : ''
    lines.push(`event ${e.kind} lot=${e.lotId} seq=${e.createdSeq}${rest}`)
  }
  for (const r of facts.rechargeRules) {
    lines.push(
      `recharge ${r.id} seq=${r.createdSeq} threshold=${r.threshold} ${r.mode} amount=${r.amount} maxCount=${r.monthlyMaxCount} ` +
        `maxAmount=${r.monthlyMaxAmount} from=${iso(r.enabledFrom)} until=${r.enabledUntil === null ? 'null' : iso(r.enabledUntil)} ` +
        `lot={prio=${r.lot.priority} exp=${expiryText(r.lot.expiry)}} confirmWithin=${r.confirmWithinMs}ms`,
    )
  }
  for (const o of facts.observations)
    lines.push(`observation ${o.id} at=${iso(o.at)} balance=${o.balance} tol=${o.tolerance}`)
  return lines.join('\n')
}
