/**
 * The engine's string ids for stored rows (shared/ledger works with strings; SQLite with integers). Generated lots
 * keep the engine's own ids: program periods "P3#5", their rolled parts "P3#5>rolled", projected recharges.
 */
export const accountRef = (id: number): string => `A${id}`
export const lotRef = (id: number): string => `L${id}`
export const programRef = (id: number): string => `P${id}`
export const usageRef = (id: number): string => `U${id}`
export const observationRef = (id: number): string => `O${id}`
export const rechargeRef = (id: number): string => `R${id}`

const refPattern = (prefix: string) => new RegExp(`^${prefix}?([1-9][0-9]{0,15})$`)
const LOT = refPattern('L')
const PROGRAM = refPattern('P')

/** A stored lot's id from "L12" or "12"; undefined for generated lots ("P3#5") and anything else. */
export const storedLotId = (ref: string): number | undefined => {
  const match = LOT.exec(ref)
  return match ? Number(match[1]) : undefined
}

export const storedProgramId = (ref: string): number | undefined => {
  const match = PROGRAM.exec(ref)
  return match ? Number(match[1]) : undefined
}

/** The stored program a generated lot came from ("P3#5>rolled" → 3). */
export const programOfLotRef = (ref: string): number | undefined => {
  const match = /^P([1-9][0-9]{0,15})#/.exec(ref)
  return match ? Number(match[1]) : undefined
}
