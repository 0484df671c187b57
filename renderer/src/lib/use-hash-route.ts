import { useSyncExternalStore } from 'react'

/** The screens of the app shell; the location hash (`#/accounts`) keeps the choice across reloads. */
export const ROUTES = ['vendors', 'accounts'] as const
export type Route = (typeof ROUTES)[number]

export const routeHref = (route: Route): string => `#/${route}`

export const parseRoute = (hash: string): Route => {
  const name = hash.replace(/^#\/?/, '')
  return ROUTES.find((route) => route === name) ?? 'vendors'
}

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange)
  return () => {
    window.removeEventListener('hashchange', onChange)
  }
}

export const useHashRoute = (): Route => useSyncExternalStore(subscribe, () => parseRoute(window.location.hash))
