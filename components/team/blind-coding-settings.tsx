'use client';

import { useActionState } from 'react';

import { FormMessage } from '@/components/ui/form-message';
import { type FormState, IDLE } from '@/lib/validation/form-state';

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** The notice on a blind source, for members who see only their own codings there. */
export const BLIND_NOTICE = 'Blind coding: you see only your own codings until the owner releases them.';

/**
 * Blind coding for the project (settings) or one source (source details): turn on, release the
 * codings, turn off. Owners only; the page decides whether to render it.
 */
export function BlindCodingSettings(props: {
  scope: 'project' | 'source';
  blindCoding: boolean;
  blindReleased: boolean;
  /** For a source: whether the project's blind coding already covers it. */
  projectBlind?: boolean;
  change: Action;
}) {
  const [state, submit] = useActionState(props.change, IDLE);
  const where = props.scope === 'project' ? 'in every source of this project' : 'in this source';
  const status = !props.blindCoding
    ? `Off: every member sees everyone’s codings ${where}.`
    : props.blindReleased
      ? `Released: blind coding is on but the codings have been released, so every member sees everyone’s codings ${where}.`
      : `On: coders see only their own codings ${where} until you release them. Owners and reviewers see all codings.`;
  return (
    <section className="card" aria-labelledby={`blind-${props.scope}-heading`}>
      <h2 id={`blind-${props.scope}-heading`}>Blind coding</h2>
      <p className="muted">
        For inter-coder agreement, coders should code independently. While blind coding is on, each coder sees only their own codings {where}; when everyone is done, release the codings so the team
        can compare them (Team → Agreement).
      </p>
      {props.scope === 'source' && props.projectBlind ? <p className="muted">The project’s blind coding is on, so this source is blind whatever its own setting.</p> : null}
      <p data-testid={`blind-${props.scope}-status`}>
        <strong>{status}</strong>
      </p>
      <form action={submit} className="row">
        {!props.blindCoding || props.blindReleased ? (
          <button className="btn" type="submit" name="change" value="on">
            {props.blindCoding ? 'Hide codings again' : 'Turn on blind coding'}
          </button>
        ) : (
          <button className="btn" type="submit" name="change" value="release">
            Release codings
          </button>
        )}
        {props.blindCoding ? (
          <button className="btn btn-secondary" type="submit" name="change" value="off">
            Turn off blind coding
          </button>
        ) : null}
      </form>
      <FormMessage state={state} />
    </section>
  );
}
