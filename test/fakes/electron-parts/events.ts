/** Pieces shared by the fake's modules. */

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** An Electron event that can be cancelled (`will-navigate`, `before-quit`, `close`, …). */
export interface FakePreventableEvent {
  readonly preventDefault: () => void
  readonly defaultPrevented: boolean
}

export const preventableEvent = (): FakePreventableEvent => {
  let prevented = false
  return {
    preventDefault: () => {
      prevented = true
    },
    get defaultPrevented() {
      return prevented
    },
  }
}
