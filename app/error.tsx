'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="auth-wrap">
      <div className="card" style={{ maxWidth: 440, textAlign: 'center' }}>
        <h1>Something went wrong</h1>
        <p className="muted">The error was logged on the server. Try again, and if it keeps happening tell your administrator.</p>
        <button type="button" className="btn" onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}
