import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  parseWindowState,
  placeWindow,
  type Rect,
  type SavedWindowState,
} from '../../electron/main/window-bounds'

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 }
const rightMonitor: Rect = { x: 1440, y: 0, width: 2560, height: 1400 }
const leftMonitor: Rect = { x: -1920, y: 0, width: 1920, height: 1040 }
const saved = (bounds: Rect, maximized = false): SavedWindowState => ({ bounds, maximized })

describe('placeWindow', () => {
  it.each([
    {
      case: 'first launch: default size centred on the primary display',
      state: undefined,
      areas: [laptop],
      expected: { x: 120, y: 30, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height },
    },
    {
      case: 'saved position fully on screen is kept exactly',
      state: saved({ x: 100, y: 50, width: 1000, height: 700 }),
      areas: [laptop],
      expected: { x: 100, y: 50, width: 1000, height: 700 },
    },
    {
      case: 'saved on a monitor that is still connected stays there',
      state: saved({ x: 2000, y: 100, width: 1600, height: 1000 }),
      areas: [laptop, rightMonitor],
      expected: { x: 2000, y: 100, width: 1600, height: 1000 },
    },
    {
      case: 'saved on a monitor that was unplugged moves to the primary display, centred',
      state: saved({ x: 2000, y: 100, width: 1000, height: 700 }),
      areas: [laptop],
      expected: { x: 220, y: 80, width: 1000, height: 700 },
    },
    {
      case: 'larger than the display it lands on is shrunk to the work area',
      state: saved({ x: 0, y: 0, width: 2500, height: 1400 }),
      areas: [laptop],
      expected: { x: 0, y: 0, width: 1440, height: 860 },
    },
    {
      case: 'hanging off the right edge is pulled fully inside',
      state: saved({ x: 1000, y: 100, width: 1000, height: 700 }),
      areas: [laptop],
      expected: { x: 440, y: 100, width: 1000, height: 700 },
    },
    {
      case: 'title bar above the top of the screen is pulled down',
      state: saved({ x: 100, y: -300, width: 1000, height: 700 }),
      areas: [laptop],
      expected: { x: 100, y: 0, width: 1000, height: 700 },
    },
    {
      case: 'only a sliver visible counts as lost: centred on the primary',
      state: saved({ x: 1400, y: 100, width: 1000, height: 700 }),
      areas: [laptop],
      expected: { x: 220, y: 80, width: 1000, height: 700 },
    },
    {
      case: 'straddling two monitors goes to the one it mostly covers',
      state: saved({ x: 1000, y: 100, width: 1200, height: 800 }),
      areas: [laptop, rightMonitor],
      expected: { x: 1440, y: 100, width: 1200, height: 800 },
    },
    {
      case: 'negative coordinates of a monitor left of the primary are valid',
      state: saved({ x: -1800, y: 40, width: 1000, height: 700 }),
      areas: [laptop, leftMonitor],
      expected: { x: -1800, y: 40, width: 1000, height: 700 },
    },
    {
      case: 'smaller than the minimum size is grown to it',
      state: saved({ x: 10, y: 10, width: 200, height: 100 }),
      areas: [laptop],
      expected: { x: 10, y: 10, width: MIN_SIZE.width, height: MIN_SIZE.height },
    },
    {
      case: 'a display smaller than the minimum size still fits the window',
      state: saved({ x: 0, y: 0, width: 1000, height: 700 }),
      areas: [{ x: 0, y: 0, width: 640, height: 480 }],
      expected: { x: 0, y: 0, width: 640, height: 480 },
    },
    {
      case: 'fractional saved values (HiDPI scaling) are rounded',
      state: saved({ x: 10.4, y: 20.6, width: 1000.5, height: 700.2 }),
      areas: [laptop],
      expected: { x: 10, y: 21, width: 1001, height: 700 },
    },
  ])('$case', ({ state, areas, expected }) => {
    expect(placeWindow(state, areas).bounds).toEqual(expected)
  })

  it('keeps the maximized flag so the window re-opens maximized', () => {
    expect(placeWindow(saved({ x: 0, y: 0, width: 1000, height: 700 }, true), [laptop]).maximized).toBe(true)
    expect(placeWindow(undefined, [laptop]).maximized).toBe(false)
  })

  it('with no display information leaves the position to the OS', () => {
    expect(placeWindow(saved({ x: 5000, y: 5000, width: 1000, height: 700 }), []).bounds).toEqual({
      width: 1000,
      height: 700,
    })
  })
})

describe('parseWindowState', () => {
  it('accepts a saved state', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: true })).toEqual({
      bounds: { x: 1, y: 2, width: 3, height: 4 },
      maximized: true,
    })
  })

  it.each([
    ['null', null],
    ['a string', 'x'],
    ['no bounds', { maximized: true }],
    ['a missing coordinate', { bounds: { x: 1, width: 3, height: 4 } }],
    ['a string coordinate', { bounds: { x: '1', y: 2, width: 3, height: 4 } }],
    ['NaN', { bounds: { x: Number.NaN, y: 2, width: 3, height: 4 } }],
    ['zero width', { bounds: { x: 1, y: 2, width: 0, height: 4 } }],
    ['negative height', { bounds: { x: 1, y: 2, width: 3, height: -4 } }],
  ])('rejects %s', (_case, value) => {
    expect(parseWindowState(value)).toBeUndefined()
  })
})
