import { app, type Session, type WebContents } from 'electron'
import { openHttpsExternally } from './external-links'

/**
 * Our windows only ever show our own bundled renderer. Whatever the renderer is tricked into doing, it must not
 * navigate away, open new Electron windows, embed <webview>s or get browser permissions (Electron security
 * checklist items 5, 12, 13, 14). https links the user clicks open in their browser instead.
 */
export const guardWebContents = (contents: WebContents): void => {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    openHttpsExternally(url)
  })
  contents.setWindowOpenHandler(({ url }) => {
    openHttpsExternally(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Applies the guards to every web contents ever created, including ones we did not create ourselves. */
export const installWebContentsGuards = (): void => {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
}

/** Notifications are shown by the main process, so the page needs no permission at all: deny every request and check. */
export const denyAllPermissions = (session: Session): void => {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
