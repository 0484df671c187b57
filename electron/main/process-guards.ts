import { logError } from './log'

/**
 * Without these, a stray exception in the main process shows Electron's generic crash dialog (or is silently
 * swallowed for rejections). Logging keeps the window alive and leaves a trace of what went wrong.
 */
export const installProcessGuards = (): void => {
  process.on('uncaughtException', (error) => logError('Uncaught exception', error))
  process.on('unhandledRejection', (reason) => logError('Unhandled promise rejection', reason))
}
