import { addDuration, startOfNextLocalDay } from '../time/zoned'
import type { ExpiryRule, Instant } from './model'

/** The instant a lot stops being usable (exclusive), from its rule, in the account's zone; null = never. */
export const resolveExpiry = (rule: ExpiryRule, effectiveAt: Instant, zone: string): Instant | null => {
  switch (rule.kind) {
    case 'never':
      return null
    case 'at':
      return rule.at
    case 'after':
      return addDuration(effectiveAt, rule.duration, zone)
    case 'end_of_local_day':
      return startOfNextLocalDay(effectiveAt, zone)
  }
}
