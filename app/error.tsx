'use client';

// Rendered when a page throws unexpectedly. Client-side by Next's contract, so it cannot load translations
// from the server: it shows both languages, short.
export default function ErrorPage({ reset }: { reset: () => void }) {
  return (
    <div className="space-y-3">
      <h1>Something went wrong · Une erreur est survenue</h1>
      <p>Please try again. · Veuillez réessayer.</p>
      <button type="button" className="button-secondary" onClick={reset}>
        Try again · Réessayer
      </button>
    </div>
  );
}
