import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { appMenuTemplate } from '../../electron/main/app-menu'
import { Menu, shell } from '../fakes/electron'
import { boot } from './support/boot'

type Item = MenuItemConstructorOptions

const submenuOf = (template: readonly Item[], label: string): Item[] => {
  const menu = template.find((item) => item.label === label || item.role === label)
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`No ${label} menu`)
  return menu.submenu
}
const roles = (items: readonly Item[]): (string | undefined)[] => items.map((item) => item.role ?? item.type)

describe('app menu', () => {
  it('development builds can reload and open devtools; packaged builds cannot', () => {
    const dev = roles(
      submenuOf(
        appMenuTemplate({
          platform: 'linux',
          isPackaged: false,
          appName: 'Credit Ledger',
          dbPath: '/data/credit-ledger.db',
        }),
        'View',
      ),
    )
    const packaged = roles(
      submenuOf(
        appMenuTemplate({
          platform: 'linux',
          isPackaged: true,
          appName: 'Credit Ledger',
          dbPath: '/data/credit-ledger.db',
        }),
        'View',
      ),
    )
    expect(dev).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
    expect(packaged).not.toContain('reload')
    expect(packaged).not.toContain('forceReload')
    expect(packaged).not.toContain('toggleDevTools')
    expect(packaged).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']))
  })

  it('Windows and Linux: File > Quit, no app menu; Edit and Window menus present', () => {
    const template = appMenuTemplate({
      platform: 'win32',
      isPackaged: true,
      appName: 'Credit Ledger',
      dbPath: '/data/credit-ledger.db',
    })
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help'])
    expect(roles(submenuOf(template, 'File'))).toEqual(['quit'])
  })

  it('macOS: the app menu comes first and holds Quit; File closes the window', () => {
    const template = appMenuTemplate({
      platform: 'darwin',
      isPackaged: true,
      appName: 'Credit Ledger',
      dbPath: '/data/credit-ledger.db',
    })
    expect(template[0]?.label).toBe('Credit Ledger')
    expect(roles(submenuOf(template, 'Credit Ledger'))).toEqual(expect.arrayContaining(['about', 'hide', 'quit']))
    expect(roles(submenuOf(template, 'File'))).toEqual(['close'])
  })

  it('Help reveals the database file in the file manager, and offers About off macOS', () => {
    const help = submenuOf(
      appMenuTemplate({
        platform: 'linux',
        isPackaged: true,
        appName: 'Credit Ledger',
        dbPath: '/data/credit-ledger.db',
      }),
      'help',
    )
    const show = help[0]
    if (show?.click === undefined) throw new Error('Help item has no action')
    Reflect.apply(show.click, undefined, [])
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/data/credit-ledger.db')
    expect(roles(help)).toContain('about')
  })

  it('is installed as the application menu at start-up', async () => {
    await boot({ isPackaged: true })
    expect(Menu.applicationMenu?.template).toMatchObject([
      { label: 'File' },
      { role: 'editMenu' },
      { label: 'View' },
      { role: 'windowMenu' },
      { role: 'help' },
    ])
  })
})
