import { z } from 'zod'
import { id } from '../../catalog/schemas'
import { DATE_FORMATS } from '../../import/dates'
import { mutation, query, type MethodSpec } from '../define'
import type {
  ImportListItem,
  ImportReport,
  MerchantRulesView,
  SavedMappingView,
  UserMerchantRuleView,
} from '../types/imports'

/**
 * Imports (issue 5 §8). A file is named by an opaque id a host registered (the app's file dialog, the CLI's
 * argument) or that `imports.upload` made from bytes (drag-and-drop in the app, upload in serve): the renderer never
 * sends a path. Preview writes nothing; commit is one import batch, undone by `imports.undo`.
 */

/** Decoded bytes accepted by imports.upload: base64 of this fits serve's 10 MB request limit. Bigger files go through the file dialog. */
export const MAX_UPLOAD_BYTES = 7 * 1024 * 1024

const fileId = z
  .string({ error: 'File is required: choose or upload it first' })
  .regex(/^[0-9a-f-]{36}$/, 'File must be an id from the file dialog or imports.upload')

const importInput = z.strictObject({
  fileId,
  /** A profile id (see the docs), or absent to detect it from the header. */
  profileId: z.string().trim().min(1).max(64).optional(),
  accountId: id.optional(),
  dateFormat: z.enum(DATE_FORMATS, { error: `Date format is one of ${DATE_FORMATS.join(', ')}` }).optional(),
  decimalMark: z.enum(['.', ','], { error: 'Decimal mark is . or ,' }).optional(),
  acceptRowsBeforeFault: z.boolean({ error: 'acceptRowsBeforeFault is true or false' }).optional(),
  /** A column mapping to try on this file (validated by the backend; errors under "mapping."). */
  mapping: z.unknown().optional(),
  /**
   * How much credit each statement purchase bought, by its line ("14": "10.00" in the account's unit), for charges
   * that do not say it (another currency than the balance, or credits of a unit): the report's creditNeeded.
   */
  credits: z
    .record(
      z.string().regex(/^[1-9]\d{0,8}$/, 'Credits are keyed by the line number of the purchase'),
      z.string({ error: 'A credit amount is decimal text, e.g. "10.00"' }).trim().min(1).max(40),
    )
    .optional(),
})

const uploadInput = z.strictObject({
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required')
    .max(255, 'Name must be at most 255 characters')
    .refine((name) => !/[\\/\0]/.test(name), 'Name is a file name, not a path'),
  contentBase64: z
    .string({ error: 'Content is required, base64-encoded' })
    .max(
      Math.ceil(MAX_UPLOAD_BYTES / 3) * 4,
      `Files up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB can be uploaded; open bigger ones from the app`,
    )
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Content must be base64'),
})

export type ImportInput = z.output<typeof importInput>

const merchantRuleInput = z.strictObject({
  pattern: z
    .string({ error: 'Pattern is required' })
    .trim()
    .min(1, 'Type the words to look for')
    .max(120, 'At most 120 characters'),
  vendorId: id,
  accountId: id.optional(),
  purpose: z.enum(['subscription', 'purchase', 'ignore'], {
    error: 'A rule marks a subscription payment, a purchase, or a line to ignore',
  }),
})

export const importMethods = {
  'imports.chooseFile': mutation<{ readonly fileId: string; readonly name: string; readonly bytes: number } | null>()(
    z.strictObject({}).optional(),
    'Show the file dialog (desktop app) and keep the chosen file for import; null when cancelled',
    false,
  ),
  'imports.upload': mutation<{ readonly fileId: string; readonly name: string; readonly bytes: number }>()(
    uploadInput,
    'Keep an uploaded file for import and answer its id',
    false,
  ),
  'imports.preview': query<ImportReport>()(
    importInput,
    'What importing a file would add: new, duplicate, matched and rejected rows, totals, date range, questions',
  ),
  'imports.commit': mutation<ImportReport>()(importInput, 'Import a file as one batch that can be undone', 'import'),
  'imports.undo': mutation<{ readonly batchId: number; readonly removed: number }>()(
    z.strictObject({ batchId: id }),
    'Undo an import: every row it added goes',
    false,
  ),
  'imports.list': query<readonly ImportListItem[]>()(
    z.strictObject({ limit: z.number().int().min(1).max(500).optional() }).optional(),
    'Imports, newest first, with their counts and refused lines',
  ),
  'imports.mappings': query<readonly SavedMappingView[]>()(
    z.strictObject({}).optional(),
    'Saved column mappings, reused when their header shows up again',
  ),
  'imports.saveMapping': mutation<SavedMappingView>()(
    z.strictObject({ mapping: z.unknown() }),
    'Save a column mapping for a CSV no format knows (replaces the one for the same header)',
  ),
  'imports.removeMapping': mutation<{ readonly id: number }>()(z.strictObject({ id }), 'Delete a saved column mapping'),
  'merchants.list': query<MerchantRulesView>()(
    z.strictObject({}).optional(),
    'Merchant rules for statement lines: yours (tried first) and the shipped ones',
  ),
  'merchants.add': mutation<UserMerchantRuleView>()(merchantRuleInput, 'Add a merchant rule for statement lines'),
  'merchants.remove': mutation<{ readonly id: number }>()(z.strictObject({ id }), 'Delete a merchant rule'),
} as const satisfies Record<string, MethodSpec>
