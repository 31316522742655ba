'use client';

import { useActionState } from 'react';

import { FormMessage } from '@/components/ui/form-message';
import { type FormState, IDLE } from '@/lib/validation/form-state';

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** The project settings' "Hierarchy changes need review" card. Owners only; the page decides whether to render it. */
export function ProposalReviewSetting(props: { enabled: boolean; change: Action }) {
  const [state, submit] = useActionState(props.change, IDLE);
  return (
    <section className="card" aria-labelledby="hierarchy-review-heading">
      <h2 id="hierarchy-review-heading">Hierarchy changes need review</h2>
      <p className="muted">
        While this is on, a coder’s structural changes — creating a category, moving, grouping, merging, splitting, renaming or deleting codes, and changing relations — are collected in a proposal
        instead of changing the hierarchy. The coder submits it with a description; reviewers and owners comment on each change and approve or reject it (Team → Reviews). Owners’ own changes apply at
        once.
      </p>
      <p data-testid="hierarchy-review-status">
        <strong>{props.enabled ? 'On: coders’ structural changes become proposals for review.' : 'Off: coders change the hierarchy directly (only their own codings move in merges and splits).'}</strong>
      </p>
      <form action={submit} className="row">
        <input type="hidden" name="enabled" value={props.enabled ? 'off' : 'on'} />
        <button className={props.enabled ? 'btn btn-secondary' : 'btn'} type="submit">
          {props.enabled ? 'Turn off review of hierarchy changes' : 'Turn on review of hierarchy changes'}
        </button>
      </form>
      <FormMessage state={state} />
    </section>
  );
}
