import { useEffect, useRef, type ReactNode } from 'react'

export interface ScreenHeaderProps {
  readonly title: string
  /** Lets the screen's section be labelled by its heading. */
  readonly id?: string
  readonly children?: ReactNode
}

/** A screen's heading; it takes focus when the screen opens so keyboard and screen-reader users land on it. */
export function ScreenHeader({ title, id, children }: ScreenHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    // After a navigation focus sits on the sidebar link: bring it to the new screen. On first load, leave it be.
    const active = document.activeElement
    if (active !== null && active !== document.body) heading.current?.focus({ preventScroll: true })
  }, [])
  return (
    <header className="screen-header">
      <h1 className="screen-header__title" id={id} ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children !== undefined && <p className="screen-header__lead">{children}</p>}
    </header>
  )
}
