import { describe, expect, it } from 'vitest'
import { linkHref, parseRoute, routeHref, sectionOf } from '../../renderer/src/lib/use-hash-route'

describe('hash routes', () => {
  it('parses every screen, with ids for account and lot pages', () => {
    expect(parseRoute('#/vendors')).toEqual({ view: 'vendors' })
    expect(parseRoute('#/accounts')).toEqual({ view: 'accounts' })
    expect(parseRoute('#/reminders')).toEqual({ view: 'inbox' })
    expect(parseRoute('#/settings')).toEqual({ view: 'settings' })
    expect(parseRoute('#/accounts/12')).toEqual({ view: 'account', accountId: 12 })
    expect(parseRoute('#/accounts/12/lots/L7')).toEqual({ view: 'lot', accountId: 12, lotId: 'L7' })
  })

  it('encodes engine lot ids with # and > so they survive the hash, and reads them back', () => {
    const href = routeHref({ view: 'lot', accountId: 3, lotId: 'P3#5>rolled' })
    expect(href).toBe('#/accounts/3/lots/P3%235%3Erolled')
    expect(parseRoute(href)).toEqual({ view: 'lot', accountId: 3, lotId: 'P3#5>rolled' })
  })

  it('turns every reminder link into its address', () => {
    expect(linkHref({ view: 'inbox' })).toBe('#/reminders')
    expect(linkHref({ view: 'account', accountId: 4 })).toBe('#/accounts/4')
    expect(linkHref({ view: 'lot', accountId: 4, lotId: 'L12' })).toBe('#/accounts/4/lots/L12')
  })

  it('falls back to the vendors screen for unknown or malformed addresses', () => {
    for (const hash of [
      '',
      '#',
      '#/nope',
      '#/accounts/0',
      '#/accounts/x',
      '#/accounts/1/lots',
      '#/accounts/1/lots/%E0%A4%A',
      '#/accounts/1/lots/L1/more',
      '#/accounts/1/other/L1',
    ])
      expect(parseRoute(hash)).toEqual({ view: 'vendors' })
  })

  it('puts account and lot pages under the Accounts entry of the sidebar', () => {
    expect(sectionOf({ view: 'lot', accountId: 1, lotId: 'L1' })).toBe('accounts')
    expect(sectionOf({ view: 'account', accountId: 1 })).toBe('accounts')
    expect(sectionOf({ view: 'inbox' })).toBe('inbox')
  })
})
