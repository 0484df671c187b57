import { useAppStore } from '../../stores/app-store'

/** What the backend said, plus where the file is, for a support request. Collapsed by default. */
export function TechnicalDetails({ lines }: { readonly lines: readonly string[] }) {
  const info = useAppStore((store) => store.info)
  const shown = lines.filter((line) => line.trim() !== '')
  return (
    <details className="recovery__details">
      <summary>Technical details</summary>
      <ul>
        {shown.map((line, index) => (
          <li key={`${String(index)}-${line}`}>{line}</li>
        ))}
        {info !== null && <li>Database: {info.dbPath}</li>}
        {info !== null && <li>Credit Ledger {info.version}</li>}
      </ul>
    </details>
  )
}
