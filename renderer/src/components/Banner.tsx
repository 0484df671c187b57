import { useAppStore } from '../stores/app-store'
import { Button } from './Button'

/** The app-wide message: failures no form can fix (INTERNAL, BUSY) and confirmations such as a restored backup. */
export function Banner() {
  const banner = useAppStore((state) => state.banner)
  const dismiss = useAppStore((state) => state.dismissBanner)
  if (banner === null) return null
  return (
    <div className={`banner banner--${banner.tone}`} role={banner.tone === 'error' ? 'alert' : 'status'}>
      <div className="banner__text">
        <strong className="banner__title">{banner.title}</strong>
        <span>{banner.message}</span>
      </div>
      <Button variant="ghost" size="small" onClick={dismiss}>
        Dismiss
      </Button>
    </div>
  )
}
