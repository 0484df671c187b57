import { count } from '../lib/format'
import { routeHref, type Section } from '../lib/use-hash-route'
import { useAppStore } from '../stores/app-store'
import { useCatalogStore } from '../stores/catalog-store'
import { useRemindersStore } from '../stores/reminders-store'

interface NavItem {
  readonly section: Section
  readonly label: string
  readonly count: number | null
  /** A count that asks for attention (unseen reminders), with the words a screen reader says for it. */
  readonly badge?: string
}

/** App navigation: one link per screen with its item count or badge, and the version at the bottom. */
export function Sidebar({ current }: { readonly current: Section }) {
  const ready = useCatalogStore((state) => state.status === 'ready')
  const vendorCount = useCatalogStore((state) => state.vendors.length)
  const accountCount = useCatalogStore((state) => state.accounts.length)
  const unseen = useRemindersStore((state) => state.unseen)
  const info = useAppStore((state) => state.info)
  const items: readonly NavItem[] = [
    { section: 'vendors', label: 'Vendors', count: ready ? vendorCount : null },
    { section: 'accounts', label: 'Accounts', count: ready ? accountCount : null },
    unseen > 0
      ? {
          section: 'inbox',
          label: 'Reminders',
          count: unseen,
          badge: count(unseen, 'unseen reminder', 'unseen reminders'),
        }
      : { section: 'inbox', label: 'Reminders', count: null },
    { section: 'settings', label: 'Settings', count: null },
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
            <li key={item.section}>
              <a
                className="sidebar__link"
                href={routeHref({ view: item.section })}
                aria-current={item.section === current ? 'page' : undefined}
              >
                <span>{item.label}</span>
                {item.badge !== undefined && (
                  <span className="sidebar__badge">
                    <span aria-hidden="true">{item.count}</span>
                    <span className="visually-hidden">{item.badge}</span>
                  </span>
                )}
                {item.badge === undefined && item.count !== null && (
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
