import type { ImportListItem, ImportProblemView, ImportReport, ImportTotal } from '@shared/api/types/imports'
import { table } from '../../table'

/**
 * An import report (issue 5 §6, §8) as lines for people: what was read and how, the counts, totals per vendor and
 * unit, the date range, every refused line (the backend keeps the first 200; the rest are counted), the fault.
 */

const DELIMITERS: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }

/** `line 6, amount_value: "n/a" is not a number` — the line number first, so it can be found in the file. */
export const problemLine = (problem: ImportProblemView): string =>
  `line ${problem.line}${problem.column === null ? '' : `, ${problem.column}`}: ${problem.reason}`

/** Every refused line the report holds, then how many more were counted. */
export const rejectedLines = (rejected: readonly ImportProblemView[], total: number): string[] =>
  total === 0
    ? []
    : [
        `Rejected lines (${total}):`,
        ...rejected.map((problem) => `  ${problemLine(problem)}`),
        ...(total > rejected.length ? [`  … and ${total - rejected.length} more`] : []),
      ]

const countsLine = (counts: ImportReport['counts']): string =>
  `${counts.read} read: ${counts.new} new, ${counts.duplicate} duplicate, ${counts.matched} matched, ` +
  `${counts.rejected} rejected, ${counts.skipped} skipped` +
  (counts.rounded > 0 ? `; ${counts.rounded} rounded half-even to the unit's decimals` : '')

const totalLines = (totals: readonly ImportTotal[]): string[] =>
  totals.length === 0
    ? []
    : [
        'Totals of the new rows:',
        ...table<ImportTotal>(
          [
            { header: 'VENDOR', cell: (total) => total.vendor ?? '-' },
            { header: 'AMOUNT', cell: (total) => total.amount.value, right: true },
            { header: 'UNIT', cell: (total) => total.amount.unit },
            { header: 'ROWS', cell: (total) => String(total.rows), right: true },
          ],
          totals,
        ).map((line) => `  ${line}`),
      ]

const sampleLines = (report: ImportReport): string[] =>
  report.samples.length === 0
    ? []
    : [
        'Sample rows:',
        ...table(
          [
            { header: 'LINE', cell: (sample) => String(sample.line), right: true },
            { header: 'WHEN (UTC)', cell: (sample) => sample.at },
            { header: 'AMOUNT', cell: (sample) => sample.amount.value, right: true },
            { header: 'UNIT', cell: (sample) => sample.amount.unit },
            { header: 'WHAT', cell: (sample) => sample.detail },
          ],
          report.samples,
        ).map((line) => `  ${line}`),
      ]

const headline = (report: ImportReport, dryRun: boolean): string =>
  dryRun
    ? `Dry run of ${report.file.name}: nothing was written (run without --dry-run to import)`
    : report.batchId === null
      ? `Imported ${report.file.name}`
      : `Imported ${report.file.name} as batch ${report.batchId} (\`credit-ledger imports undo ${report.batchId}\` takes it back)`

/** The whole report; `dryRun` adds the sample rows (a commit's are already in the ledger). */
export const reportLines = (report: ImportReport, dryRun: boolean): string[] => {
  const format = report.format
  const reading = [
    `${report.file.bytes} bytes`,
    report.encoding ?? 'unknown encoding',
    `${DELIMITERS[report.delimiter] ?? `"${report.delimiter}"`}-separated`,
    ...(report.headerLine === null ? [] : [`header on line ${report.headerLine}`]),
    ...(report.dateFormat === null ? [] : [`dates ${report.dateFormat}`]),
  ]
  return [
    headline(report, dryRun),
    `  format   ${format === null ? 'not recognised' : `${format.name} (${format.profile}, version ${format.version})`}`,
    `  file     ${reading.join(', ')}`,
    ...(report.account === null
      ? []
      : [`  account  ${report.account.id}: ${report.account.name} (${report.account.unitId})`]),
    `  rows     ${countsLine(report.counts)}`,
    ...(report.from === null || report.to === null ? [] : [`  dates    ${report.from} to ${report.to}`]),
    ...(report.fault === null ? [] : [`  fault    ${problemLine(report.fault)}; nothing from that line on was read`]),
    ...(report.alreadyImported === null
      ? []
      : [
          `  note     this file was imported before (batch ${report.alreadyImported.batchId}, ${report.alreadyImported.committedAt}): rows already in the ledger count as duplicates`,
        ]),
    ...totalLines(report.totals),
    ...(dryRun ? sampleLines(report) : []),
    ...rejectedLines(report.rejected, report.counts.rejected),
    ...creditLines(report),
  ]
}

/** Purchases recorded as payments only, because the charge does not say how much credit it bought. */
const creditLines = (report: ImportReport): string[] =>
  report.creditNeeded.length === 0
    ? []
    : [
        `Purchases without their credit amount (${report.creditNeeded.length}): recorded as payments; to add the ` +
          `credits, import again with --credit LINE=AMOUNT (in the account's unit)`,
        ...report.creditNeeded.map(
          (needed) =>
            `  line ${needed.line}, ${needed.date}: ${needed.descriptor}, paid ${needed.paid.value} ${needed.paid.unit}` +
            ` → account ${needed.account.id} (${needed.account.unitId})`,
        ),
      ]

/** `imports list`: one row per import, newest first. */
export const importListLines = (items: readonly ImportListItem[]): string[] =>
  items.length === 0
    ? ['No imports yet.']
    : table<ImportListItem>(
        [
          { header: 'BATCH', cell: (item) => String(item.batchId), right: true },
          { header: 'STATE', cell: (item) => item.state },
          { header: 'WHEN (UTC)', cell: (item) => item.committedAt },
          { header: 'FORMAT', cell: (item) => item.profile },
          { header: 'ACCOUNT', cell: (item) => (item.accountId === null ? '-' : String(item.accountId)), right: true },
          { header: 'NEW', cell: (item) => String(item.counts.new), right: true },
          { header: 'DUP', cell: (item) => String(item.counts.duplicate), right: true },
          { header: 'MATCHED', cell: (item) => String(item.counts.matched), right: true },
          { header: 'REJECTED', cell: (item) => String(item.counts.rejected), right: true },
          { header: 'FILE', cell: (item) => item.fileName },
        ],
        items,
      )
