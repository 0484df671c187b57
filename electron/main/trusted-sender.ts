/**
 * Is an IPC call coming from our own renderer? Every `ipcMain.handle` asks this first, so a frame that navigated
 * elsewhere (or an iframe of another origin) cannot reach the ledger (Electron security checklist item 17).
 *
 * Trusted: the file:// URL of our built renderer index.html (any query or #route), or — in development only,
 * when the caller passes it — the origin of the electron-vite dev server (ELECTRON_RENDERER_URL).
 * URLs are parsed, never compared by prefix: `file:///app/index.html.evil` or `http://localhost:5173.evil.com`
 * must not pass.
 */
export const isTrustedSender = (
  frameUrl: string | undefined,
  devServerUrl: string | undefined,
  rendererIndexUrl: string,
): boolean => {
  const frame = parseUrl(frameUrl)
  if (frame === undefined) return false
  if (frame.protocol === 'file:') {
    const index = parseUrl(rendererIndexUrl)
    return index !== undefined && frame.host === index.host && frame.pathname === index.pathname
  }
  const devServer = parseUrl(devServerUrl)
  // Only an http(s) dev server has a real origin; opaque origins ('null': data:, about:, …) must never match.
  if (devServer === undefined || (devServer.protocol !== 'http:' && devServer.protocol !== 'https:')) return false
  return frame.origin === devServer.origin
}

const parseUrl = (value: string | undefined): URL | undefined => {
  if (value === undefined || value.length === 0) return undefined
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}
