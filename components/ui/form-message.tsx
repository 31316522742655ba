import type { FormState } from '@/lib/validation/form-state';

/** The outcome line of a form; announced politely to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  if (state.status === 'idle') return null;
  return (
    <div className={`message message-${state.status}`} role="status" aria-live="polite" data-testid="form-message">
      {state.message}
    </div>
  );
}
