import type { Account, Vendor } from '@shared/catalog/types'
import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { LoadingState } from '../../components/LoadingState'
import { ScreenHeader } from '../../components/ScreenHeader'
import { routeHref } from '../../lib/use-hash-route'
import { useCatalogStore } from '../../stores/catalog-store'
import { AccountForm } from './AccountForm'
import { AccountRow } from './AccountRow'
import { TimeZoneList } from './TimeZoneList'
import './accounts.css'

interface VendorGroup {
  readonly vendor: Vendor
  readonly accounts: readonly Account[]
}

/** Accounts under their vendor, vendors in the backend's (name) order; vendors without accounts are left out. */
const groupByVendor = (vendors: readonly Vendor[], accounts: readonly Account[]): readonly VendorGroup[] =>
  vendors
    .map((vendor) => ({ vendor, accounts: accounts.filter((account) => account.vendorId === vendor.id) }))
    .filter((group) => group.accounts.length > 0)

/** The pools of credits you hold at each vendor. */
export function AccountsScreen() {
  const vendors = useCatalogStore((state) => state.vendors)
  const accounts = useCatalogStore((state) => state.accounts)
  const units = useCatalogStore((state) => state.units)
  const status = useCatalogStore((state) => state.status)
  const loadError = useCatalogStore((state) => state.loadError)
  const load = useCatalogStore((state) => state.load)
  const groups = groupByVendor(vendors, accounts)

  const body = (() => {
    if (status === 'loading' || status === 'idle') return <LoadingState label="Loading accounts…" />
    if (status === 'failed' && vendors.length === 0)
      return (
        <EmptyState title="Accounts could not be loaded">
          <p>{loadError}</p>
          <Button onClick={() => void load()}>Try again</Button>
        </EmptyState>
      )
    if (vendors.length === 0)
      return (
        <EmptyState title="Add a vendor first">
          <p>
            Every account belongs to a vendor. <a href={routeHref({ view: 'vendors' })}>Add a vendor</a>, then come back
            to add its accounts.
          </p>
        </EmptyState>
      )
    return (
      <>
        <AccountForm vendors={vendors} units={units} />
        {groups.length === 0 ? (
          <EmptyState title="No accounts yet">
            <p>
              Add one for each separate balance you hold: an API organisation, a subscription seat, a team workspace.
            </p>
          </EmptyState>
        ) : (
          groups.map(({ vendor, accounts: list }) => (
            <section key={vendor.id} className="group" aria-labelledby={`vendor-group-${String(vendor.id)}`}>
              <h2 className="group__title" id={`vendor-group-${String(vendor.id)}`}>
                {vendor.name}
              </h2>
              <ul className="card list" aria-label={`Accounts at ${vendor.name}`}>
                {list.map((account) => (
                  <AccountRow key={account.id} account={account} units={units} />
                ))}
              </ul>
            </section>
          ))
        )}
      </>
    )
  })()

  return (
    <section className="screen" aria-labelledby="accounts-title">
      <ScreenHeader title="Accounts" id="accounts-title">
        Each account is one balance at a vendor — an API organisation, a plan seat, a team pool — counted in one unit.
      </ScreenHeader>
      <TimeZoneList />
      {body}
    </section>
  )
}
