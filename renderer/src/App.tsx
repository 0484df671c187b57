import { useEffect } from 'react'
import { Banner } from './components/Banner'
import { Sidebar } from './components/Sidebar'
import { AccountPage } from './features/account/AccountPage'
import { AccountsScreen } from './features/accounts/AccountsScreen'
import { LotPage } from './features/lot/LotPage'
import { RecoveryScreen } from './features/recovery/RecoveryScreen'
import { RemindersScreen } from './features/reminders/RemindersScreen'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { VendorsScreen } from './features/vendors/VendorsScreen'
import { sectionOf, useHashRoute, type Route } from './lib/use-hash-route'
import { useAppStore } from './stores/app-store'
import { useCatalogStore } from './stores/catalog-store'
import { useRemindersStore } from './stores/reminders-store'
import { connectStores } from './stores/sync'

function Screen({ route }: { readonly route: Route }) {
  switch (route.view) {
    case 'vendors':
      return <VendorsScreen />
    case 'accounts':
      return <AccountsScreen />
    case 'account':
      return <AccountPage key={route.accountId} accountId={route.accountId} />
    case 'lot':
      return <LotPage key={route.lotId} accountId={route.accountId} lotId={route.lotId} />
    case 'inbox':
      return <RemindersScreen />
    case 'settings':
      return <SettingsScreen />
  }
}

/** The shell: sidebar navigation, the global banner and the current screen — or the recovery page. */
export function App() {
  const backend = useAppStore((state) => state.backend)
  const loadInfo = useAppStore((state) => state.loadInfo)
  const load = useCatalogStore((state) => state.load)
  const loadInbox = useRemindersStore((state) => state.load)
  const route = useHashRoute()

  useEffect(() => connectStores(), [])
  useEffect(() => {
    void loadInfo()
  }, [loadInfo])
  // Load at start, and again once a restored backup makes the database usable.
  useEffect(() => {
    if (backend.kind !== 'ok') return
    void load()
    // The sidebar's badge needs the inbox on every screen.
    void loadInbox()
  }, [backend.kind, load, loadInbox])

  if (backend.kind !== 'ok')
    return (
      <>
        <Banner />
        <RecoveryScreen state={backend} />
      </>
    )

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash is the route: move focus without changing it.
          event.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        Skip to content
      </a>
      <Sidebar current={sectionOf(route)} />
      <div className="shell__content">
        <Banner />
        <main id="main" className="shell__main" tabIndex={-1}>
          <Screen route={route} />
        </main>
      </div>
    </div>
  )
}
