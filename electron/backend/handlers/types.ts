import type { HandlerInput, MethodName, MethodOutput } from '@shared/api/contract'
import type { AppInfo, BackupInfo } from '@shared/catalog/types'
import type { FileRegistry } from '../import/file-registry'
import type { ServiceContext } from '../services/context'

/** What a handler can reach: the services (only when the database opened cleanly) and the database lifecycle. */
export interface HandlerContext {
  /** The service context; throws a DB_CORRUPT / DB_TOO_NEW ApiFailure when the database was refused at open. */
  readonly services: () => ServiceContext
  /** Files hosts registered for import, by opaque id (uploads register theirs here too). */
  readonly files: FileRegistry
  readonly info: () => AppInfo
  readonly listBackups: () => readonly BackupInfo[]
  readonly createBackup: () => Promise<BackupInfo>
  readonly restoreLatestBackup: () => Promise<BackupInfo>
}

export type Handler<M extends MethodName> = (
  input: HandlerInput<M>,
  ctx: HandlerContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>

/** One handler per contract method: a missing or mistyped one is a compile error where this type is used. */
export type Handlers = { readonly [M in MethodName]: Handler<M> }
