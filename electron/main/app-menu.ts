import { Menu, shell, type MenuItemConstructorOptions } from 'electron'

export interface AppMenuOptions {
  readonly platform: NodeJS.Platform
  /** Packaged builds get no reload or developer tools: a reload would only lose unsaved form input. */
  readonly isPackaged: boolean
  readonly appName: string
  /** The ledger file, so Help can reveal where the data lives (for backups and moving machines). */
  readonly dbPath: string
}

/**
 * The standard menu, built from roles so every platform gets its native labels, shortcuts and behaviour
 * (Cmd+Q, Ctrl+C/V in text fields, Window menu on macOS). Pure: returns the template.
 */
export const appMenuTemplate = (options: AppMenuOptions): MenuItemConstructorOptions[] => {
  const mac = options.platform === 'darwin'
  const macAppMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : []
  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
  return [
    ...macAppMenu,
    // On macOS Quit lives in the app menu; File then closes the window, as Mac apps do.
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Show Database File', click: () => shell.showItemInFolder(options.dbPath) },
        ...(mac ? [] : [{ type: 'separator' } as const, { role: 'about' } as const]),
      ],
    },
  ]
}

export const installAppMenu = (options: AppMenuOptions): void => {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(options)))
}
