import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PRODUCT_NAME } from '../../electron/backend/paths'
import { APP_ID } from '../../electron/main/app-id'
import { ROOT } from './support/boot'

const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
const topLevel = (key: string): string | undefined =>
  new RegExp(`^${key}:\\s*['"]?([^'"\\n]+?)['"]?\\s*$`, 'm').exec(yml)?.[1]

describe('electron-builder.yml', () => {
  it('packages under the AppUserModelID the app sets (Windows toasts and taskbar need them equal)', () => {
    expect(topLevel('appId')).toBe(APP_ID)
  })

  it('uses the product name that decides the userData folder (where the database lives)', () => {
    expect(topLevel('productName')).toBe(PRODUCT_NAME)
  })

  it('unpacks the worker bundle and better-sqlite3 from the asar (neither can load from inside it)', () => {
    expect(yml).toMatch(/^asarUnpack:[\s\S]*?- ['"]?out\/main\/\*\*['"]?$/m)
    expect(yml).toMatch(/^asarUnpack:[\s\S]*?- ['"]?node_modules\/better-sqlite3\/\*\*['"]?$/m)
  })

  it('does not rebuild native modules (better-sqlite3 13 ships Node-API prebuilds)', () => {
    expect(topLevel('npmRebuild')).toBe('false')
  })
})
