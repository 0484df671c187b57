/** Generated OpenAI cost exports for the parse-worker tests (issue 5 §9). */

const OPENAI_HEADER =
  'start_time,end_time,start_time_iso,end_time_iso,amount_value,amount_currency,line_item,project_id,organization_id,organization_name'

/** An OpenAI cost export of `rows` rows: long fractions (rounded), identical rows (occurrence index), a bad amount. */
export const openaiCost = (rows: number, special: (index: number) => string | null = () => null): string => {
  const lines = [OPENAI_HEADER]
  for (let index = 0; index < rows; index++) {
    // Every 50th row repeats the one before it: a legitimate identical row, kept under the next occurrence index.
    const seed = index % 50 === 49 ? index - 1 : index
    const day = 1_790_553_600 + Math.floor(seed / 40) * 86_400
    const iso = new Date(day * 1000).toISOString().replace('.000Z', '+00:00')
    const next = new Date((day + 86_400) * 1000).toISOString().replace('.000Z', '+00:00')
    const amount = seed % 97 === 5 ? 'n/a' : `${seed % 13}.${String(seed * 7919).padStart(9, '0')}3141592653589`
    const item = special(index) ?? `gpt-4o-${seed % 20}, input`
    lines.push(`${day},${day + 86_400},${iso},${next},${amount},usd,"${item}",proj_${seed % 40},org_1,Acme`)
  }
  return `${lines.join('\n')}\n`
}
