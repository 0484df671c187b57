import { resolveInstantText, type InstantText } from '@shared/time/iso-instant'
import type { ServiceContext } from './context'
import { getSettings } from './settings-service'

/** An instant as the user typed it, resolved in their time zone when it carries no offset (issue 4 §6). */
export const resolveAt = (ctx: ServiceContext, text: InstantText): number =>
  resolveInstantText(text, text.kind === 'absolute' ? 'UTC' : getSettings(ctx).timeZone)

/** Like resolveAt, with `now` when the caller left it out. */
export const resolveAtOrNow = (ctx: ServiceContext, text: InstantText | undefined): number =>
  text === undefined ? ctx.clock.now() : resolveAt(ctx, text)
