/**
 * Pure placement of the main window from what was saved last time and the displays present now. Monitors get
 * unplugged and resolutions change between launches: a remembered position must never put the window off-screen
 * or make it larger than the screen it lands on.
 */

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface SavedWindowState {
  /** The normal (restored) bounds, also while maximized, so un-maximizing returns to them. */
  readonly bounds: Rect
  readonly maximized: boolean
}

export interface WindowPlacement {
  /** No position means "let the OS choose" (there was no display information). */
  readonly bounds: Rect | { readonly width: number; readonly height: number }
  readonly maximized: boolean
}

export const DEFAULT_SIZE = { width: 1200, height: 800 } as const
export const MIN_SIZE = { width: 800, height: 560 } as const
/** Less of the window than this visible on any display counts as lost (a sliver of title bar cannot be grabbed). */
const MIN_VISIBLE = { width: 120, height: 60 } as const

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** Accepts only a well-formed saved state; anything else (hand-edited, truncated, old format) is ignored. */
export const parseWindowState = (value: unknown): SavedWindowState | undefined => {
  if (typeof value !== 'object' || value === null || !('bounds' in value)) return undefined
  const { bounds } = value
  if (typeof bounds !== 'object' || bounds === null) return undefined
  if (!('x' in bounds && 'y' in bounds && 'width' in bounds && 'height' in bounds)) return undefined
  const { x, y, width, height } = bounds
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(width) || !isFiniteNumber(height)) return undefined
  if (width <= 0 || height <= 0) return undefined
  const maximized = 'maximized' in value && value.maximized === true
  return { bounds: { x, y, width, height }, maximized }
}

const overlap = (a: Rect, b: Rect): { readonly width: number; readonly height: number } => ({
  width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
  height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
})

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max)

/** A size no larger than the work area, and no smaller than MIN_SIZE unless the work area itself is smaller. */
const fitSize = (width: number, height: number, area: Rect) => ({
  width: Math.round(clamp(width, Math.min(MIN_SIZE.width, area.width), area.width)),
  height: Math.round(clamp(height, Math.min(MIN_SIZE.height, area.height), area.height)),
})

const centered = (area: Rect, width: number, height: number): Rect => {
  const size = fitSize(width, height, area)
  return {
    x: Math.round(area.x + (area.width - size.width) / 2),
    y: Math.round(area.y + (area.height - size.height) / 2),
    ...size,
  }
}

/**
 * Where to open the window. `workAreas` are the displays' work areas (screen minus taskbar/dock), primary first.
 * - nothing saved → default size, centred on the primary display;
 * - saved bounds still sufficiently visible → kept, shrunk to fit and moved fully inside the display they mostly cover;
 * - saved bounds off every display → same size (shrunk to fit), centred on the primary display.
 */
export const placeWindow = (saved: SavedWindowState | undefined, workAreas: readonly Rect[]): WindowPlacement => {
  const maximized = saved?.maximized ?? false
  const primary = workAreas[0]
  if (primary === undefined) {
    const size = saved ? saved.bounds : DEFAULT_SIZE
    return { bounds: { width: Math.round(size.width), height: Math.round(size.height) }, maximized }
  }
  if (saved === undefined) return { bounds: centered(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height), maximized }

  let best: { readonly area: Rect; readonly visible: number } | undefined
  for (const area of workAreas) {
    const shared = overlap(saved.bounds, area)
    const visible =
      shared.width >= MIN_VISIBLE.width && shared.height >= MIN_VISIBLE.height ? shared.width * shared.height : 0
    if (visible > 0 && (best === undefined || visible > best.visible)) best = { area, visible }
  }
  if (best === undefined) return { bounds: centered(primary, saved.bounds.width, saved.bounds.height), maximized }

  const { area } = best
  const size = fitSize(saved.bounds.width, saved.bounds.height, area)
  return {
    bounds: {
      x: Math.round(clamp(saved.bounds.x, area.x, area.x + area.width - size.width)),
      y: Math.round(clamp(saved.bounds.y, area.y, area.y + area.height - size.height)),
      ...size,
    },
    maximized,
  }
}
