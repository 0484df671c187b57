import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailability, collectPageErrors, launchChromium } from './browser'
import { callApi, ROOT, signIn, startServe, type ServeHandle } from './serve-fixture'

const availability = chromiumAvailability()
const ARTIFACTS = join(ROOT, 'artifacts', 'e2e')
const DAY_MS = 86_400_000

const shot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true })
}

/**
 * Reminders in a browser on serve (issue 6 §5–6): credits bought 360 days ago expire in ~5 days, serve's scheduler
 * delivers the expiry reminder, the inbox shows it, snoozing says until when, and its link opens the lot and account.
 */
describe.runIf(availability.run)('e2e (Chromium against serve): reminders', () => {
  let serve: ServeHandle | undefined
  let browser: Browser | undefined
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    browser = await launchChromium()
    serve = await startServe()
    const session = await signIn(serve)
    const applied = await callApi(serve, session, 'presets.apply', {
      presetId: 'openai-api',
      accountName: 'API credits',
      purchases: [{ effectiveAt: new Date(Date.now() - 360 * DAY_MS).toISOString(), amount: '50' }],
    })
    expect(applied.json).toMatchObject({ ok: true })
    page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage()
    errors = collectPageErrors(page)
    await page.goto(serve.url)
  })
  afterAll(async () => {
    await browser?.close()
    if (serve !== undefined) expect(await serve.stop()).toBe(0)
  })

  const reminder = () =>
    page
      .getByRole('list', { name: 'Reminders' })
      .getByRole('listitem')
      .filter({ hasText: /expire/ })

  it('shows the expiry reminder serve delivered, with a badge until the inbox is opened', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' })
    // Delivered within a second of the ledger change; the badge follows the reminders.fired push (or a reload).
    await expect
      .poll(async () => nav.getByRole('link', { name: /Reminders/ }).innerText(), { timeout: 10_000 })
      .toMatch(/1/)
    expect(await nav.getByText('1 unseen reminder').count()).toBe(1)
    await nav.getByRole('link', { name: /Reminders/ }).click()
    await reminder().first().waitFor()
    expect(await reminder().count()).toBe(1)
    expect(await reminder().innerText()).toMatch(/50(\.00)? USD/)
    expect(await reminder().getByText('New').count()).toBe(1)
    await expect.poll(() => nav.getByRole('link', { name: /Reminders/ }).innerText()).toBe('Reminders')
    await shot(page, 'reminders.png')
  })

  it('snoozes it until tomorrow: it says until when, and its history shows the snooze', async () => {
    await reminder().getByRole('button', { name: 'Snooze until tomorrow' }).click()
    await reminder()
      .getByText(/^Snoozed until /)
      .first()
      .waitFor()
    await reminder().getByText('History').click()
    const lines = await reminder().getByRole('listitem').allInnerTexts()
    expect(lines.join('\n')).toMatch(/Shown[\s\S]*Seen[\s\S]*Snoozed until/)
  })

  it('opens the lot page from its link, then the account page', async () => {
    await reminder().getByRole('link', { name: /Open/ }).click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/accounts\/\d+\/lots\/L\d+$/)
    await page.getByRole('table', { name: /History of lot/ }).waitFor()
    expect(await page.getByLabel(/^Lot L\d+$/).innerText()).toMatch(/Remaining\s*50(\.00)? USD/i)
    await shot(page, 'lot.png')

    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'API credits' }).click()
    await page.getByRole('heading', { name: 'API credits', level: 1 }).waitFor()
    expect(await page.getByRole('table', { name: 'Lots of API credits' }).getByRole('row').count()).toBe(2)
    await page.getByRole('form', { name: 'Reminder rules' }).waitFor()
    await shot(page, 'account.png')
  })

  it('shows the reminder settings with the serve-mode note, and had no console errors', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('form', { name: 'Reminder settings' }).waitFor()
    expect(await page.getByText(/not to this browser tab/).count()).toBe(1)
    await shot(page, 'reminder-settings.png')
    expect(errors).toEqual([])
  })
})
