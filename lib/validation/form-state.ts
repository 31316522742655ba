/** What a server action returns to its form (useActionState). */
export type FormState =
  | { status: 'idle' }
  | {
      status: 'error';
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** What the user typed (never passwords): React resets forms after an action, so the
       * form shows these again instead of blank fields. */
      values?: Record<string, string>;
    }
  | { status: 'success'; message: string };

export const IDLE: FormState = { status: 'idle' };

/** zod's flattened field errors → FormState. */
export function invalid(fieldErrors: Record<string, string[] | undefined>, message = 'Please check the highlighted fields.'): FormState {
  const clean: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(fieldErrors)) if (v?.length) clean[k] = v;
  return { status: 'error', message, fieldErrors: clean };
}

/** Adds the submitted text fields (minus any named `password`) to an error state. */
export function keepValues(state: FormState, formData: FormData): FormState {
  if (state.status !== 'error') return state;
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === 'string' && !/password/i.test(k) && !k.startsWith('$')) values[k] = v;
  return { ...state, values };
}

/** The value to show in a field after a failed submission. */
export function valueOf(state: FormState, name: string): string | undefined {
  return state.status === 'error' ? state.values?.[name] : undefined;
}
