import type { Account } from '@shared/catalog/types'
import type { Unit } from '@shared/money/units'
import { ItemRow } from '../../components/ItemRow'
import { formatDate } from '../../lib/format'
import { routeHref } from '../../lib/use-hash-route'
import { useRowMode } from '../../lib/use-row-mode'
import { useCatalogStore, useOperation } from '../../stores/catalog-store'
import { opKey } from '../../stores/operations'
import { AccountEditForm } from './AccountEditForm'
import { unitLabel } from './account-options'

/** One account: what it is counted and billed in, its zone; edit in place or delete after a confirmation. */
export function AccountRow({ account, units }: { readonly account: Account; readonly units: readonly Unit[] }) {
  const row = useRowMode()
  const removing = useOperation(opKey.removeAccount(account.id))
  const removeAccount = useCatalogStore((state) => state.removeAccount)
  const reset = useCatalogStore((state) => state.reset)

  if (row.mode === 'edit')
    return (
      <li className="row row--editing">
        <AccountEditForm
          account={account}
          units={units}
          onDone={() => {
            row.backToView('edit')
          }}
        />
      </li>
    )

  return (
    <ItemRow
      name={account.name}
      href={routeHref({ view: 'account', accountId: account.id })}
      editLabel="Edit"
      row={row}
      resetDelete={() => {
        reset(opKey.removeAccount(account.id))
      }}
      onConfirmDelete={() => removeAccount(account.id)}
      deleting={removing.pending}
      error={removing.error?.message}
    >
      <span>Counted in {unitLabel(units, account.unitId)}</span>
      <span>Billed in {account.currency}</span>
      <span>{account.timeZone}</span>
      <span>Added {formatDate(account.createdAt)}</span>
    </ItemRow>
  )
}
