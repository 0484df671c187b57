import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { IMPORT_BENCHES } from './import-benches'
import { LEDGER_BENCHES } from './ledger-benches'
import { emitPeer, PEER_BENCHES } from './peer-benches'
import { emit, log } from './report'
import { SCALE_BENCHES } from './scale-benches'
import { STORAGE_BENCHES } from './storage-benches'

const BENCHES = { ...STORAGE_BENCHES, ...LEDGER_BENCHES, ...SCALE_BENCHES, ...IMPORT_BENCHES }

const usage =
  'usage: npm run -s bench [-- [--peers] --only NAME[,NAME]]\nbenches: ' +
  Object.keys(BENCHES).join(', ') +
  `\nwith --peers (needs hledger): ${Object.keys(PEER_BENCHES).join(', ')}`

/** Entry of the built bench bundle (out/bench/bench.js), called by test/bench/launch.mjs. */
export const runBenches = async (argv: readonly string[], root: string): Promise<void> => {
  const onlyIndex = argv.indexOf('--only')
  const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : undefined
  if (argv.includes('--help')) {
    log(usage)
    return
  }
  // Peer benches (hledger, ~2 min) run only when asked for with --peers, never in a plain run.
  const peers = argv.includes('--peers')
  const unknown = (only ?? []).filter((name) => !(name in BENCHES) && !(peers && name in PEER_BENCHES))
  if (unknown.length > 0) {
    log(`unknown bench: ${unknown.join(', ')}\n${usage}`)
    process.exitCode = 2
    return
  }
  const env = { root, dataDir: join(root, 'test/bench/data') }
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (only && !only.includes(name)) continue
    log(`running ${name}…`)
    emit(await bench(env))
  }
  for (const [name, bench] of peers ? Object.entries(PEER_BENCHES) : []) {
    if (only && !only.includes(name)) continue
    log(`running ${name}…`)
    for (const result of await bench(env)) emitPeer(result)
  }
  rmSync(env.dataDir, { recursive: true, force: true })
}
