/**
 * A deliberately tiny iCalendar reader for the calendar tests: enough of RFC 5545 to read back what a calendar app
 * would (unfold lines, split components, unescape text), written here so the tests do not trust the generator that
 * produced the document.
 */

export interface IcsEvent {
  /** Property name (parameters dropped) → value, unescaped; the first occurrence wins. */
  readonly props: Readonly<Record<string, string>>
  readonly alarms: readonly Readonly<Record<string, string>>[]
}

export interface IcsDocument {
  readonly calendar: Readonly<Record<string, string>>
  readonly events: readonly IcsEvent[]
  /** The content lines after unfolding. */
  readonly lines: readonly string[]
}

const unescapeText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char))

/** Folded lines continue with CRLF + one space or tab (§3.1). */
export const unfold = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n')

export const readIcs = (text: string): IcsDocument => {
  const lines = unfold(text)
  if (lines.at(-1) === '') lines.pop()
  const calendar: Record<string, string> = {}
  const events: IcsEvent[] = []
  const stack: string[] = []
  let event: Record<string, string> | undefined
  let alarms: Record<string, string>[] = []
  let alarm: Record<string, string> | undefined
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon < 0) throw new Error(`not a content line: ${line}`)
    const name = (line.slice(0, colon).split(';')[0] ?? '').toUpperCase()
    const value = line.slice(colon + 1)
    if (name === 'BEGIN') {
      stack.push(value)
      if (value === 'VEVENT') [event, alarms] = [{}, []]
      if (value === 'VALARM') alarm = {}
      continue
    }
    if (name === 'END') {
      if (stack.pop() !== value) throw new Error(`END:${value} does not close what was opened`)
      if (value === 'VEVENT' && event !== undefined) events.push({ props: event, alarms })
      if (value === 'VALARM' && alarm !== undefined) alarms.push(alarm)
      if (value === 'VEVENT') event = undefined
      if (value === 'VALARM') alarm = undefined
      continue
    }
    const target = alarm ?? event ?? calendar
    target[name] ??= unescapeText(value)
  }
  if (stack.length > 0) throw new Error(`unclosed ${stack.join(', ')}`)
  return { calendar, events, lines }
}
