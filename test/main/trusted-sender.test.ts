import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../electron/main/trusted-sender'

const INDEX = 'file:///opt/Credit%20Ledger/resources/app.asar/out/renderer/index.html'
const DEV = 'http://localhost:5173/'

describe('isTrustedSender', () => {
  it.each([
    ['our renderer index.html', INDEX, undefined, true],
    ['our renderer with a #route', `${INDEX}#/vendors/3`, undefined, true],
    ['our renderer with a query', `${INDEX}?tab=accounts`, undefined, true],
    ['another local file', 'file:///opt/Credit%20Ledger/resources/app.asar/out/renderer/other.html', undefined, false],
    ['a file whose name only starts like ours', `${INDEX}.evil.html`, undefined, false],
    [
      'a file on another host (UNC share)',
      'file://evil-host/opt/Credit%20Ledger/resources/app.asar/out/renderer/index.html',
      undefined,
      false,
    ],
    ['a web page', 'https://evil.example/', undefined, false],
    ['the dev server when no dev server runs (packaged)', 'http://localhost:5173/', undefined, false],
    ['the dev server in development', 'http://localhost:5173/', DEV, true],
    ['a dev-server route', 'http://localhost:5173/#/accounts', DEV, true],
    ['another port on localhost', 'http://localhost:5174/', DEV, false],
    ['a host that starts like the dev server', 'http://localhost:5173.evil.example/', DEV, false],
    ['https instead of http', 'https://localhost:5173/', DEV, false],
    ['our file while in development (still ours)', INDEX, DEV, true],
    ['about:blank', 'about:blank', DEV, false],
    ['data: URL', 'data:text/html,<script>1</script>', DEV, false],
    ['empty string', '', DEV, false],
    ['a frame that is gone (undefined)', undefined, DEV, false],
    ['garbage', 'not a url', DEV, false],
  ])('%s → %s', (_case, frameUrl, devServerUrl, expected) => {
    expect(isTrustedSender(frameUrl, devServerUrl, INDEX)).toBe(expected)
  })

  it('a malformed dev server URL trusts nothing but our file', () => {
    expect(isTrustedSender('http://localhost:5173/', 'localhost:5173', INDEX)).toBe(false)
    expect(isTrustedSender('data:text/html,x', 'localhost:5173', INDEX)).toBe(false)
    expect(isTrustedSender(INDEX, 'garbage', INDEX)).toBe(true)
  })
})
