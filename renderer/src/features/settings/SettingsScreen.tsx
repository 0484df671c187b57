import { useEffect } from 'react'
import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { LoadingState } from '../../components/LoadingState'
import { ScreenHeader } from '../../components/ScreenHeader'
import { isDesktopApp } from '../../lib/api'
import { useSettingsStore } from '../../stores/settings-store'
import { BrowserNotifications } from './BrowserNotifications'
import { ReminderSettingsForm } from './ReminderSettingsForm'
import './settings.css'

/** Settings: reminders (when, which, how the desktop app delivers them) and, in a browser, its notifications. */
export function SettingsScreen() {
  const settings = useSettingsStore((state) => state.settings)
  const status = useSettingsStore((state) => state.status)
  const loadError = useSettingsStore((state) => state.loadError)
  const load = useSettingsStore((state) => state.load)
  const resetSave = useSettingsStore((state) => state.resetSave)
  const servedInBrowser = !isDesktopApp()

  useEffect(() => {
    resetSave()
    void load()
  }, [load, resetSave])

  const body = (() => {
    if (settings === null && status === 'failed')
      return (
        <EmptyState title="Settings could not be loaded">
          <p>{loadError}</p>
          <Button onClick={() => void load()}>Try again</Button>
        </EmptyState>
      )
    if (settings === null) return <LoadingState label="Loading settings…" />
    return (
      <>
        {servedInBrowser && <BrowserNotifications />}
        <ReminderSettingsForm settings={settings} servedInBrowser={servedInBrowser} />
      </>
    )
  })()

  return (
    <section className="screen" aria-labelledby="settings-title">
      <ScreenHeader title="Settings" id="settings-title">
        Reminders tell you before credits expire unused, a plan renews or a balance runs out.
      </ScreenHeader>
      {body}
    </section>
  )
}
