import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="auth-wrap">
      <div className="card" style={{ maxWidth: 440, textAlign: 'center' }}>
        <h1>Not found</h1>
        <p className="muted">This page does not exist, or you do not have access to it.</p>
        <Link href="/projects">Back to your projects</Link>
      </div>
    </main>
  );
}
