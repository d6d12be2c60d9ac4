/**
 * What an account page says about its last action: a refusal as an alert banner, and the outcome announced to
 * screen readers (the page itself shows the result, such as the new token).
 */
export function ActionMessages({ error, notice }: { error: string | null; notice: string | null }) {
  return (
    <>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
    </>
  )
}
