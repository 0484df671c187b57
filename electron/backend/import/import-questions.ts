import type { ImportQuestion } from '@shared/api/types/imports'
import type { ScanRefusal } from './scan-file'

/** A scan's refusal as the question the user answers (in the wizard, or with a CLI flag). */
export const questionOf = (refusal: ScanRefusal): ImportQuestion => {
  switch (refusal.kind) {
    case 'empty':
      return { kind: 'empty', message: 'The file holds no table: no header row was found' }
    case 'unknown_format':
      return {
        kind: 'unknown_format',
        message: `No known format has these columns (${refusal.header.slice(0, 8).join(', ')}${refusal.header.length > 8 ? ', …' : ''}): map the columns yourself`,
        header: refusal.header,
      }
    case 'date_format':
      return {
        kind: 'date_format',
        message: `The dates in “${refusal.column}” read more than one way (${refusal.formats.join(' or ')}): choose the format`,
        column: refusal.column,
        formats: refusal.formats,
      }
    case 'no_date_format':
      return {
        kind: 'no_date_format',
        message: `No date format fits every value of “${refusal.column}” (${refusal.failures.slice(0, 3).join('; ')})`,
        column: refusal.column,
      }
  }
}
