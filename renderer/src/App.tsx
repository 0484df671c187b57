import { useEffect } from 'react'
import { Banner } from './components/Banner'
import { Sidebar } from './components/Sidebar'
import { AccountsScreen } from './features/accounts/AccountsScreen'
import { RecoveryScreen } from './features/recovery/RecoveryScreen'
import { VendorsScreen } from './features/vendors/VendorsScreen'
import { useHashRoute } from './lib/use-hash-route'
import { useAppStore } from './stores/app-store'
import { useCatalogStore } from './stores/catalog-store'
import { connectStores } from './stores/sync'

/** The shell: sidebar navigation, the global banner and the current screen — or the recovery page. */
export function App() {
  const backend = useAppStore((state) => state.backend)
  const loadInfo = useAppStore((state) => state.loadInfo)
  const load = useCatalogStore((state) => state.load)
  const route = useHashRoute()

  useEffect(() => connectStores(), [])
  useEffect(() => {
    void loadInfo()
  }, [loadInfo])
  // Load at start, and again once a restored backup makes the database usable.
  useEffect(() => {
    if (backend.kind === 'ok') void load()
  }, [backend.kind, load])

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
      <Sidebar current={route} />
      <div className="shell__content">
        <Banner />
        <main id="main" className="shell__main" tabIndex={-1}>
          {route === 'accounts' ? <AccountsScreen /> : <VendorsScreen />}
        </main>
      </div>
    </div>
  )
}
