import { join } from 'node:path'

/** The product name Electron derives its userData folder from; the CLI must compute the same folder without Electron. */
export const PRODUCT_NAME = 'Credit Ledger'
export const DB_FILE_NAME = 'credit-ledger.db'
export const DB_ENV_VAR = 'CREDIT_LEDGER_DB'

/**
 * Electron's `app.getPath('userData')` for our productName, computed the way Electron does:
 * Linux `$XDG_CONFIG_HOME` or `~/.config`, macOS `~/Library/Application Support`, Windows `%APPDATA%`.
 */
export const defaultUserDataDir = (platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string => {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.length > 0 ? env.XDG_CONFIG_HOME : join(home, '.config')
  return join(config, PRODUCT_NAME)
}

/** The value of `--db PATH` or `--db=PATH` in argv, if any. */
export const dbFlag = (argv: readonly string[]): string | undefined => {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]
    if (arg === '--db') return argv[i + 1]
    if (arg?.startsWith('--db=')) return arg.slice('--db='.length)
  }
  return undefined
}

/** DESIGN §7: `--db PATH` > `CREDIT_LEDGER_DB` > `<userData>/credit-ledger.db`, the same for app, serve and CLI. */
export const resolveDbPath = (argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string => {
  const flag = dbFlag(argv)
  if (flag !== undefined && flag.length > 0) return flag
  const fromEnv = env[DB_ENV_VAR]
  if (fromEnv !== undefined && fromEnv.length > 0) return fromEnv
  return join(userDataDir, DB_FILE_NAME)
}
