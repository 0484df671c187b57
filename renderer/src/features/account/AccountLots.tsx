import type { LotView } from '@shared/api/types/views'
import { EmptyState } from '../../components/EmptyState'
import { formatAmount, formatDate } from '../../lib/format'
import { routeHref } from '../../lib/use-hash-route'
import { lotKindLabel, lotStatusLabel } from '../lot/lot-text'

/** Live lots first (soonest expiry first, never-expiring last), then closed ones, most recent first. */
const order = (lots: readonly LotView[]): LotView[] => {
  const expiry = (lot: LotView): number => (lot.expiresAt === null ? Infinity : Date.parse(lot.expiresAt))
  const live = lots.filter((lot) => lot.status !== 'closed').sort((a, b) => expiry(a) - expiry(b))
  const closed = lots
    .filter((lot) => lot.status === 'closed')
    .sort((a, b) => Date.parse(b.closedAt ?? b.effectiveAt) - Date.parse(a.closedAt ?? a.effectiveAt))
  return [...live, ...closed]
}

/** An account's lots with their status, what remains of what was granted, and their expiry; each opens its page. */
export function AccountLots({ accountId, name, lots }: { accountId: number; name: string; lots: readonly LotView[] }) {
  if (lots.length === 0)
    return (
      <EmptyState title="No lots yet">
        <p>Purchases, grants and plan periods of this account appear here with what remains and when it expires.</p>
      </EmptyState>
    )
  return (
    <div className="card table-card">
      <table className="table" aria-label={`Lots of ${name}`}>
        <thead>
          <tr>
            <th scope="col">Lot</th>
            <th scope="col">Status</th>
            <th scope="col" className="table__number">
              Remaining
            </th>
            <th scope="col" className="table__number">
              Granted
            </th>
            <th scope="col">Expires</th>
          </tr>
        </thead>
        <tbody>
          {order(lots).map((lot) => (
            <tr key={lot.id}>
              <th scope="row">
                <a href={routeHref({ view: 'lot', accountId, lotId: lot.id })}>
                  {lotKindLabel(lot.kind)} from {formatDate(lot.effectiveAt)}
                </a>
                <span className="table__id">{lot.id}</span>
              </th>
              <td>{lotStatusLabel(lot)}</td>
              <td className="table__number">{formatAmount(lot.remaining)}</td>
              <td className="table__number table__muted">{formatAmount(lot.granted)}</td>
              <td>{lot.expiresAt === null ? 'Never' : formatDate(lot.expiresAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
