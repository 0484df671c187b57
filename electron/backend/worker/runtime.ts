/**
 * Whether this runtime can load better-sqlite3 13 (a Node-API 10 addon). On Node-API < 10 it does not throw, it
 * segfaults, so every host asks BEFORE the backend (and with it better-sqlite3) is imported. This module must stay
 * free of imports for that reason.
 */
const MIN_NAPI = 10

/** Why the backend cannot run here, or undefined when it can. */
export const backendRuntimeProblem = (versions: NodeJS.ProcessVersions = process.versions): string | undefined => {
  const napi = Number(versions.napi ?? 0)
  if (napi >= MIN_NAPI) return undefined
  return `Node ${versions.node} (Node-API ${napi}) cannot load the database engine; Credit Ledger needs Node 22 or newer. Run it through npm scripts (npm run serve) so the pinned Node is used.`
}
