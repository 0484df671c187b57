import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { LoadingState } from '../../components/LoadingState'
import { ScreenHeader } from '../../components/ScreenHeader'
import { useCatalogStore } from '../../stores/catalog-store'
import { VendorForm } from './VendorForm'
import { VendorRow } from './VendorRow'

/** Who you pay for AI credits: add, rename and delete vendors. */
export function VendorsScreen() {
  const vendors = useCatalogStore((state) => state.vendors)
  const status = useCatalogStore((state) => state.status)
  const loadError = useCatalogStore((state) => state.loadError)
  const load = useCatalogStore((state) => state.load)

  return (
    <section className="screen" aria-labelledby="vendors-title">
      <ScreenHeader title="Vendors" id="vendors-title">
        The companies you buy AI credits from. Add each one once; its accounts, plans and purchases hang off it.
      </ScreenHeader>
      <VendorForm />
      {status === 'loading' || status === 'idle' ? (
        <LoadingState label="Loading vendors…" />
      ) : status === 'failed' && vendors.length === 0 ? (
        <EmptyState title="Vendors could not be loaded">
          <p>{loadError}</p>
          <Button onClick={() => void load()}>Try again</Button>
        </EmptyState>
      ) : vendors.length === 0 ? (
        <EmptyState title="No vendors yet">
          <p>Add the first company you pay for AI credits — OpenAI, Anthropic, Midjourney… — with the form above.</p>
        </EmptyState>
      ) : (
        <ul className="card list" aria-label="Vendors">
          {vendors.map((vendor) => (
            <VendorRow key={vendor.id} vendor={vendor} />
          ))}
        </ul>
      )}
    </section>
  )
}
