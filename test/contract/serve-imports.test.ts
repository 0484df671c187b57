import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportListItem, ImportReport } from '@shared/api/types/imports'
import { callApi, ROOT, signIn, startServe, type ServeHandle } from '../e2e/serve-fixture'

/**
 * Imports over serve's HTTP API (issue 5 §8): a browser cannot name a path, so it uploads the bytes
 * (`imports.upload`) and previews, commits and undoes by the id it gets back.
 */

const FIXTURE = join(ROOT, 'test', 'fixtures', 'import', 'profiles', 'openai-cost-2026.csv')

describe('serve: imports.upload, then preview, commit and undo by the id', () => {
  let serve: ServeHandle
  let cookie: string
  const call = async <T>(method: string, input?: unknown): Promise<T> => {
    const { status, json } = await callApi(serve, cookie, method, input)
    expect(status, method).toBe(200)
    expect(json, method).toMatchObject({ ok: true })
    return (json as { value: T }).value
  }
  const balance = async () =>
    (await call<{ accounts: { balance: { value: string } }[] }>('ledger.balances', { accountId: 1 })).accounts[0]
      ?.balance.value

  beforeAll(async () => {
    serve = await startServe()
    cookie = await signIn(serve)
    await call('presets.apply', {
      presetId: 'openai-api',
      purchases: [{ effectiveAt: '2026-09-01T00:00:00Z', amount: '50' }],
    })
  })
  afterAll(async () => {
    expect(await serve.stop()).toBe(0)
  })

  it('uploads a cost export, previews it without writing, commits it once, undoes it', async () => {
    const bytes = readFileSync(FIXTURE)
    const uploaded = await call<{ fileId: string; name: string; bytes: number }>('imports.upload', {
      name: 'openai-cost-2026.csv',
      contentBase64: bytes.toString('base64'),
    })
    expect(uploaded).toEqual({
      fileId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'openai-cost-2026.csv',
      bytes: bytes.length,
    })
    const { fileId } = uploaded

    const preview = await call<ImportReport>('imports.preview', { fileId })
    expect(preview).toMatchObject({
      file: { name: 'openai-cost-2026.csv', bytes: bytes.length },
      format: { profile: 'openai-cost' },
      account: { id: 1 },
      counts: { new: 3, rejected: 1 },
      rejected: [{ line: 6, column: 'amount_value' }],
      batchId: null,
    })
    expect(await call<ImportListItem[]>('imports.list', {})).toEqual([])
    expect(await balance()).toBe('50.00')

    const committed = await call<ImportReport>('imports.commit', { fileId })
    expect(committed.counts.new).toBe(3)
    expect(await balance()).toBe('48.75939')
    const again = await call<ImportReport>('imports.commit', { fileId })
    expect(again.counts).toMatchObject({ new: 0, duplicate: 3 })
    expect(again.alreadyImported?.batchId).toBe(committed.batchId)

    expect(await call('imports.undo', { batchId: committed.batchId })).toEqual({
      batchId: committed.batchId,
      removed: 3,
    })
    expect(await balance()).toBe('50.00')
    const history = await call<ImportListItem[]>('imports.list', {})
    expect(history.map((item) => [item.fileName, item.state])).toEqual([
      ['openai-cost-2026.csv', 'committed'],
      ['openai-cost-2026.csv', 'undone'],
    ])
  })

  it('refuses a path for a name, a file over 7 MB, a path instead of an id, and an id it never issued', async () => {
    const asPath = await callApi(serve, cookie, 'imports.upload', { name: '../../etc/passwd', contentBase64: 'YQ==' })
    expect(asPath.json).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { name: expect.any(String) } },
    })

    // 7 MB + 1 byte decoded is 9.4 MB of base64: inside serve's 10 MB request limit, over the upload limit.
    const big = Buffer.alloc(7 * 1024 * 1024 + 1, 0x61).toString('base64')
    const tooBig = await callApi(serve, cookie, 'imports.upload', { name: 'big.csv', contentBase64: big })
    expect(tooBig.json).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/larger than 7 MB, the most an upload takes/),
        fields: { contentBase64: expect.any(String) },
      },
    })

    const byPath = await callApi(serve, cookie, 'imports.preview', { fileId: FIXTURE })
    expect(byPath.json).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { fileId: expect.any(String) } },
    })
    const stranger = await callApi(serve, cookie, 'imports.preview', { fileId: '00000000-0000-0000-0000-000000000000' })
    expect(stranger.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
