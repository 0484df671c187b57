import { statSync } from 'node:fs'
import { basename } from 'node:path'
import { dialog, type BaseWindow } from 'electron'
import { ok, type Result } from '@shared/api/result'
import type { BackendClient } from '../backend/worker/backend-client'

/**
 * imports.chooseFile in the desktop app (issue 5 §8): the dialog runs here, in main; the chosen path is registered
 * with the backend, which answers an opaque id — the renderer never sees or sends the path.
 */
export const chooseImportFile = async (
  window: BaseWindow | undefined,
  backend: BackendClient,
): Promise<Result<{ fileId: string; name: string; bytes: number } | null>> => {
  const options = {
    title: 'Import a CSV file',
    properties: ['openFile' as const],
    filters: [
      { name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  }
  const chosen =
    window === undefined ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options)
  const path = chosen.filePaths[0]
  if (chosen.canceled || path === undefined) return ok(null)
  const name = basename(path)
  const fileId = await backend.registerFile(path, name)
  return ok({ fileId, name, bytes: statSync(path).size })
}
