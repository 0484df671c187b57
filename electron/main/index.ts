import { startBackendWorker } from '../backend/worker/backend-client'
import { logError } from './log'
import { installProcessGuards } from './process-guards'
import { startApp } from './start-app'

/**
 * Composition root of the Electron main process: real process state and the real worker starter go in here,
 * everything else is in small modules that tests drive with a fake `electron`.
 */
installProcessGuards()
startApp({
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  // This file is the entry bundle out/main/index.js; worker.js, ../preload and ../renderer are found from here.
  mainDir: import.meta.dirname,
  startBackendWorker,
}).catch((error: unknown) => logError('The app failed to start', error))
