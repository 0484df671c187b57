import { routeHref, type Route } from '../lib/use-hash-route'
import { useAppStore } from '../stores/app-store'
import { useCatalogStore } from '../stores/catalog-store'

interface NavItem {
  readonly route: Route
  readonly label: string
  readonly count: number | null
}

/** App navigation: one link per screen with its item count, and the version at the bottom. */
export function Sidebar({ current }: { readonly current: Route }) {
  const ready = useCatalogStore((state) => state.status === 'ready')
  const vendorCount = useCatalogStore((state) => state.vendors.length)
  const accountCount = useCatalogStore((state) => state.accounts.length)
  const info = useAppStore((state) => state.info)
  const items: readonly NavItem[] = [
    { route: 'vendors', label: 'Vendors', count: ready ? vendorCount : null },
    { route: 'accounts', label: 'Accounts', count: ready ? accountCount : null },
  ]
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          CL
        </span>
        <span className="sidebar__name">Credit Ledger</span>
      </div>
      <nav aria-label="Main">
        <ul className="sidebar__nav">
          {items.map((item) => (
            <li key={item.route}>
              <a
                className="sidebar__link"
                href={routeHref(item.route)}
                aria-current={item.route === current ? 'page' : undefined}
              >
                <span>{item.label}</span>
                {item.count !== null && (
                  <span className="sidebar__count" aria-hidden="true">
                    {item.count}
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {info !== null && (
        <p className="sidebar__footer" title={info.dbPath}>
          Version {info.version}
        </p>
      )}
    </aside>
  )
}
