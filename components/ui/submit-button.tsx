'use client';

import { useFormStatus } from 'react-dom';

/** A submit button that shows progress and blocks double submission. */
export function SubmitButton({ children, pendingText, className = 'btn' }: { children: React.ReactNode; pendingText?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingText ?? 'Working…') : children}
    </button>
  );
}
