/** Who wrote a fact and when (DESIGN §3): every fact row carries these columns of migration 0003. */
export interface Provenance {
  readonly recordedAt: number
  /** manual | preset | import | restore */
  readonly source: string
  readonly batchId: number
}

export interface ProvenanceRow {
  readonly recorded_at: number
  readonly source: string
  readonly batch_id: number | null
}

/** The named parameters of a provenance in an INSERT (`@recorded_at, @source, @batch_id`). */
export const provenanceParams = (provenance: Provenance) => ({
  recorded_at: provenance.recordedAt,
  source: provenance.source,
  batch_id: provenance.batchId,
})
