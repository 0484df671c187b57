import { formatLocalDate, parseLocalDate, type LocalDateTime } from './calendar'

/** Wall-clock date-times as stored text, 'YYYY-MM-DDTHH:MM:SS.mmm' (years 0000–9999): sortable and exact. */

const two = (n: number) => String(n).padStart(2, '0')

export const formatLocalDateTime = (local: LocalDateTime): string =>
  `${formatLocalDate(local)}T${two(local.hour)}:${two(local.minute)}:${two(local.second)}.${String(local.millisecond).padStart(3, '0')}`

export const parseLocalDateTime = (text: string): LocalDateTime | undefined => {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})$/.exec(text)
  if (match === null) return undefined
  const date = parseLocalDate(match[1] ?? '')
  const [hour, minute, second, millisecond] = match.slice(2).map(Number) as [number, number, number, number]
  if (date === undefined || hour > 23 || minute > 59 || second > 59) return undefined
  return { ...date, hour, minute, second, millisecond }
}
