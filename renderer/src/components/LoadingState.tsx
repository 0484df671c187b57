/** A quiet placeholder while lists load; announced politely. */
export function LoadingState({ label }: { readonly label: string }) {
  return (
    <p className="loading-state" role="status">
      {label}
    </p>
  )
}
