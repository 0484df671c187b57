import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailability, collectPageErrors, launchChromium } from './browser'
import { callApi, ROOT, signIn, startServe, type ServeHandle } from './serve-fixture'

const availability = chromiumAvailability()
const ARTIFACTS = join(ROOT, 'artifacts', 'e2e')

/** The names in the Vendors list, in order (empty when the list is not shown, e.g. no vendors yet). */
const vendorNames = (page: Page) => page.getByRole('list', { name: 'Vendors' }).getByRole('listitem').allInnerTexts()

const waitForVendor = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Vendors' })
    .getByRole('listitem')
    .filter({ hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: 10_000 })

describe.runIf(availability.run)('e2e (Chromium against serve): vendors', () => {
  let serve: ServeHandle | undefined
  let browser: Browser | undefined
  let context: BrowserContext
  let page: Page
  let errors: string[]

  const served = (): ServeHandle => {
    if (serve === undefined) throw new Error('serve did not start')
    return serve
  }

  beforeAll(async () => {
    browser = await launchChromium()
    serve = await startServe()
    context = await browser.newContext({ viewport: { width: 1200, height: 800 } })
    page = await context.newPage()
    errors = collectPageErrors(page)
  })
  afterAll(async () => {
    await browser?.close()
    if (serve !== undefined) expect(await serve.stop()).toBe(0)
  })

  it('opens the printed URL, signs in with the token and drops it from the address bar', async () => {
    const response = await page.goto(served().url)
    expect(response?.status()).toBe(200)
    expect(page.url()).toBe(`${served().origin}/`)
    const [cookie] = await context.cookies()
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
  })

  it('adds a vendor through the form and shows it in the Vendors list', async () => {
    await page.getByLabel('Vendor name').fill('Anthropic')
    await page.getByRole('button', { name: 'Add vendor' }).click()
    await waitForVendor(page, 'Anthropic')
    expect((await vendorNames(page)).some((text) => text.includes('Anthropic'))).toBe(true)
    // The form is ready for the next one.
    expect(await page.getByLabel('Vendor name').inputValue()).toBe('')
  })

  it('still shows it after a reload (it was stored, not just rendered)', async () => {
    await page.reload()
    await waitForVendor(page, 'Anthropic')
  })

  it('shows a vendor added by another client without a reload (ledger.changed over /events)', async () => {
    const other = await signIn(served())
    const added = await callApi(served(), other, 'vendors.add', { name: 'OpenAI' })
    expect(added.json).toMatchObject({ ok: true })
    await waitForVendor(page, 'OpenAI')
  })

  it('had no console errors, and leaves a screenshot in artifacts/e2e/', async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: join(ARTIFACTS, 'vendors.png'), fullPage: true })
    expect(errors).toEqual([])
  })
})
