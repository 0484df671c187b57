import { beforeEach, describe, expect, it } from 'vitest'
import { httpsUrl } from '../../electron/main/external-links'
import { BrowserWindow, session, shell } from '../fakes/electron'
import { boot, onlyWindow } from './support/boot'

describe('httpsUrl', () => {
  it.each([
    ['https://example.com/docs', 'https://example.com/docs'],
    ['HTTPS://Example.COM', 'https://example.com/'],
    ['http://example.com/', undefined],
    ['javascript:alert(1)', undefined],
    ['file:///etc/passwd', undefined],
    ['ms-settings:privacy', undefined],
    ['smb://share/x', undefined],
    ['https:', undefined],
    ['/relative/path', undefined],
    ['', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(httpsUrl(raw)).toBe(expected)
  })
})

describe('web contents guards (applied to the app window)', () => {
  beforeEach(async () => {
    await boot()
  })

  it('denies every navigation away from the app, opening https targets in the browser instead', () => {
    const contents = onlyWindow().webContents
    expect(contents.navigate('https://evil.example/phish')).toBe(false)
    expect(contents.navigate('file:///etc/passwd')).toBe(false)
    expect(shell.openExternal).toHaveBeenCalledTimes(1)
    expect(shell.openExternal).toHaveBeenCalledWith('https://evil.example/phish')
  })

  it('never opens a new Electron window; https links go to the browser', () => {
    const contents = onlyWindow().webContents
    expect(contents.openWindow('https://openai.com/pricing')).toEqual({ action: 'deny' })
    expect(shell.openExternal).toHaveBeenCalledWith('https://openai.com/pricing')
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
  })

  it.each(['http://example.com/', 'javascript:alert(1)', 'file:///C:/Windows/System32/calc.exe', 'ms-msdt:/id'])(
    'window.open(%s) is denied and not handed to the OS',
    (url) => {
      expect(onlyWindow().webContents.openWindow(url)).toEqual({ action: 'deny' })
      expect(shell.openExternal).not.toHaveBeenCalled()
    },
  )

  it('prevents attaching a <webview>', () => {
    expect(onlyWindow().webContents.attachWebview()).toBe(false)
  })

  it('guards web contents created later too (e.g. a devtools or child window)', () => {
    const other = new BrowserWindow({})
    expect(other.webContents.navigate('https://evil.example/')).toBe(false)
    expect(other.webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' })
  })

  it('denies every permission request and check', () => {
    const { permissionRequestHandler, permissionCheckHandler } = session.defaultSession
    if (permissionRequestHandler === undefined || permissionCheckHandler === undefined) {
      throw new Error('permission handlers were not installed')
    }
    const answers: boolean[] = []
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
      permissionRequestHandler({}, permission, (granted) => answers.push(granted))
      answers.push(permissionCheckHandler({}, permission))
    }
    expect(answers).toHaveLength(10)
    expect(answers.every((granted) => !granted)).toBe(true)
  })
})
