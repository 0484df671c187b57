import type { LotHistory } from '@shared/api/types/views'
import { count, formatAmount, formatDateTime } from '../../lib/format'
import { historyLabel } from './lot-text'

/** A lot's history, oldest first, with local times; used amounts are summed per day. */
export function LotHistoryTable({ history }: { readonly history: LotHistory }) {
  const shown = history.history.length
  return (
    <div className="card table-card">
      <table className="table" aria-label={`History of lot ${history.lot.id}`}>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col" className="table__number">
              Amount
            </th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {history.history.map((line, index) => (
            <tr key={`${line.at}-${line.type}-${String(index)}`}>
              <td className="table__muted">
                <time dateTime={line.at}>{formatDateTime(line.at)}</time>
              </td>
              <td>
                {historyLabel(line.type)}
                {line.count !== null && line.count > 1 && ` (${count(line.count, 'record', 'records')})`}
              </td>
              <td className="table__number">{formatAmount(line.amount)}</td>
              <td className="table__muted">{line.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.historyTotal > shown && (
        <p className="table__muted table__more">
          The latest {shown} of {history.historyTotal} entries are shown.
        </p>
      )}
    </div>
  )
}
