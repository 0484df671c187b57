import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dbFlag, defaultUserDataDir, resolveDbPath } from '../../electron/backend/paths'

describe('database location (DESIGN §7)', () => {
  const userData = '/home/ada/.config/Credit Ledger'

  it.each([
    [['--db', '/tmp/a.db'], { CREDIT_LEDGER_DB: '/tmp/b.db' }, '/tmp/a.db'],
    [['--db=/tmp/a.db'], { CREDIT_LEDGER_DB: '/tmp/b.db' }, '/tmp/a.db'],
    [['serve'], { CREDIT_LEDGER_DB: '/tmp/b.db' }, '/tmp/b.db'],
    [['serve'], { CREDIT_LEDGER_DB: '' }, join(userData, 'credit-ledger.db')],
    [[], {}, join(userData, 'credit-ledger.db')],
  ])('argv %j with env %j → %s', (argv, env, expected) => {
    expect(resolveDbPath(argv, env, userData)).toBe(expected)
  })

  it('reads the flag wherever it appears', () => {
    expect(dbFlag(['serve', '--port', '0', '--db', 'x.db'])).toBe('x.db')
    expect(dbFlag(['serve'])).toBeUndefined()
  })

  it.each([
    ['linux', {}, '/home/ada', '/home/ada/.config/Credit Ledger'],
    ['linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ada', '/cfg/Credit Ledger'],
    ['darwin', {}, '/Users/ada', '/Users/ada/Library/Application Support/Credit Ledger'],
    [
      'win32',
      { APPDATA: 'C:/Users/ada/AppData/Roaming' },
      'C:/Users/ada',
      'C:/Users/ada/AppData/Roaming/Credit Ledger',
    ],
  ] as const)('%s userData matches Electron’s for productName "Credit Ledger"', (platform, env, home, expected) => {
    expect(defaultUserDataDir(platform, env, home)).toBe(expected)
  })
})
