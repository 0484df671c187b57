import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailability, collectPageErrors, launchChromium } from './browser'
import { callApi, ROOT, signIn, startServe, type ServeHandle } from './serve-fixture'

const availability = chromiumAvailability()
const ARTIFACTS = join(ROOT, 'artifacts', 'e2e')

const accountsAt = (page: Page, vendor: string) => page.getByRole('list', { name: `Accounts at ${vendor}` })

describe.runIf(availability.run)('e2e (Chromium against serve): accounts', () => {
  let serve: ServeHandle | undefined
  let browser: Browser | undefined
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    browser = await launchChromium()
    serve = await startServe()
    // A vendor to hang accounts on, added over the API like the CLI or another window would.
    const session = await signIn(serve)
    expect((await callApi(serve, session, 'vendors.add', { name: 'Anthropic' })).json).toMatchObject({ ok: true })
    page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage()
    errors = collectPageErrors(page)
    await page.goto(serve.url)
  })
  afterAll(async () => {
    await browser?.close()
    if (serve !== undefined) expect(await serve.stop()).toBe(0)
  })

  it('shows field errors under the fields for an incomplete account, and adds nothing', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Accounts/ })
      .click()
    await page.getByRole('button', { name: 'Add account' }).click()
    await expect.poll(() => page.getByLabel('Account name').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByText('Name is required').isVisible()).toBe(true)
    await page.getByLabel('Time zone').fill('Mars/Olympus')
    await page.getByRole('button', { name: 'Add account' }).click()
    await page.getByText(/Unknown time zone/).waitFor()
    expect(await page.getByRole('heading', { name: 'Anthropic' }).count()).toBe(0)
  })

  it('adds an account with its unit, currency and zone, and keeps it across a reload', async () => {
    await page.getByLabel('Vendor', { exact: true }).selectOption({ label: 'Anthropic' })
    await page.getByLabel('Account name').fill('Console org')
    await page.getByLabel('Currency').fill('eur')
    await page.getByLabel('Time zone').fill('Europe/Berlin')
    await page.getByRole('button', { name: 'Add account' }).click()
    await accountsAt(page, 'Anthropic').getByText('Console org').waitFor()
    await page.reload()
    const row = accountsAt(page, 'Anthropic').getByRole('listitem').filter({ hasText: 'Console org' })
    await row.waitFor()
    expect(await row.innerText()).toMatch(/EUR[\s\S]*Europe\/Berlin/)
  })

  it('had no console errors, and leaves a screenshot in artifacts/e2e/', async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: join(ARTIFACTS, 'accounts.png'), fullPage: true })
    expect(errors).toEqual([])
  })
})
