import { useEffect } from 'react'
import type { LotHistory } from '@shared/api/types/views'
import { Breadcrumbs } from '../../components/Breadcrumbs'
import { Button } from '../../components/Button'
import { FactList, type Fact } from '../../components/FactList'
import { LoadingState } from '../../components/LoadingState'
import { ScreenHeader } from '../../components/ScreenHeader'
import { count, formatAmount, formatDateTime } from '../../lib/format'
import { routeHref } from '../../lib/use-hash-route'
import { useLedgerStore } from '../../stores/ledger-store'
import { LotHistoryTable } from './LotHistoryTable'
import { lotKindLabel, lotStatusLabel } from './lot-text'

const lotFacts = ({ lot }: LotHistory): Fact[] => {
  const facts: Fact[] = [
    { label: 'Remaining', value: formatAmount(lot.remaining), emphasis: true },
    { label: 'Granted', value: formatAmount(lot.granted) },
    { label: 'Used', value: formatAmount(lot.consumed) },
  ]
  if (lot.expired.minor !== '0') facts.push({ label: 'Expired unused', value: formatAmount(lot.expired) })
  if (lot.voided.minor !== '0') facts.push({ label: 'Voided', value: formatAmount(lot.voided) })
  if (lot.rolledOut.minor !== '0') facts.push({ label: 'Rolled over', value: formatAmount(lot.rolledOut) })
  facts.push(
    { label: 'Status', value: lotStatusLabel(lot) },
    { label: 'Usable from', value: formatDateTime(lot.effectiveAt) },
    { label: 'Expires', value: lot.expiresAt === null ? 'Never' : formatDateTime(lot.expiresAt) },
    { label: 'Cost', value: lot.cost === null ? 'Unknown' : formatAmount(lot.cost) },
  )
  return facts
}

/** One lot: what it granted, what is used and left, when it expires, what it cost, and its history. */
export function LotPage({ accountId, lotId }: { readonly accountId: number; readonly lotId: string }) {
  const loaded = useLedgerStore((state) => state.lots[lotId])
  const loadLot = useLedgerStore((state) => state.loadLot)

  useEffect(() => {
    void loadLot(lotId)
  }, [lotId, loadLot])

  const accountsCrumb = { label: 'Accounts', href: routeHref({ view: 'accounts' }) }
  if (loaded === undefined || loaded.status === 'loading')
    return (
      <section className="screen" aria-label="Lot">
        <Breadcrumbs trail={[accountsCrumb]} />
        <LoadingState label="Loading the lot…" />
      </section>
    )
  if (loaded.status === 'failed')
    return (
      <section className="screen" aria-labelledby="lot-title">
        <Breadcrumbs trail={[accountsCrumb, { label: 'Account', href: routeHref({ view: 'account', accountId }) }]} />
        <ScreenHeader title={loaded.notFound ? 'Lot not found' : 'The lot could not be loaded'} id="lot-title">
          {loaded.notFound ? 'It may have been removed, or its plan changed.' : loaded.error}
        </ScreenHeader>
        {!loaded.notFound && <Button onClick={() => void loadLot(lotId)}>Try again</Button>}
      </section>
    )

  const history = loaded.value
  const { lot, account } = history
  const title = `${lotKindLabel(lot.kind)} from ${formatDateTime(lot.effectiveAt)}`
  return (
    <section className="screen" aria-labelledby="lot-title">
      <Breadcrumbs
        trail={[accountsCrumb, { label: account.name, href: routeHref({ view: 'account', accountId: account.id }) }]}
      />
      <ScreenHeader title={title} id="lot-title">
        {account.vendorName} · {account.name} · lot {lot.id}
      </ScreenHeader>
      <FactList label={`Lot ${lot.id}`} facts={lotFacts(history)} />
      <section className="group" aria-labelledby="lot-history-title">
        <h2 className="section-title" id="lot-history-title">
          History
        </h2>
        <LotHistoryTable history={history} />
      </section>
      {history.paidTotal.count > 0 && (
        <p className="table__muted">
          Paid for {count(history.paidTotal.count, 'usage record', 'usage records')} totalling{' '}
          {formatAmount(history.paidTotal.amount)}.
        </p>
      )}
    </section>
  )
}
