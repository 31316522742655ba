'use client';

import { useActionState } from 'react';

import { FormMessage } from '@/components/ui/form-message';
import { type FormState, IDLE } from '@/lib/validation/form-state';

type FormAct = (prev: FormState, data: FormData) => Promise<FormState>;
type ButtonAct = (prev: FormState) => Promise<FormState>;

/** The author's title and description, and Submit for review (or Save, once submitted). */
export function ProposalSubmitForm(props: { action: FormAct; title: string; description: string; submitted: boolean }) {
  const [state, submit, pending] = useActionState(props.action, IDLE);
  return (
    <form action={submit} className="stack" aria-label="Submit the proposal">
      <div className="field">
        <label htmlFor="proposal-title">Title</label>
        <input id="proposal-title" name="title" defaultValue={props.title} maxLength={200} required />
      </div>
      <div className="field">
        <label htmlFor="proposal-description">Description</label>
        <span className="hint">Why these changes? Reviewers read this first.</span>
        <textarea id="proposal-description" name="description" defaultValue={props.description} rows={4} maxLength={5000} />
      </div>
      <button className="btn" type="submit" disabled={pending}>
        {props.submitted ? 'Save title and description' : 'Submit for review'}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** Approve (applies every change in one go) or reject, with a note. Owners and reviewers. */
export function ProposalDecisionForm(props: { action: FormAct; stale: boolean; blocked: boolean }) {
  const [state, submit, pending] = useActionState(props.action, IDLE);
  return (
    <form action={submit} className="stack" aria-label="Decide on the proposal">
      <div className="field">
        <label htmlFor="decision-note">Note to the author (optional)</label>
        <textarea id="decision-note" name="note" rows={2} maxLength={2000} />
      </div>
      <div className="row">
        <button className="btn" type="submit" name="decision" value="approve" disabled={pending || props.stale || props.blocked}>
          Approve and apply
        </button>
        <button className="btn btn-secondary" type="submit" name="decision" value="reject" disabled={pending}>
          Reject
        </button>
      </div>
      {props.stale ? <p className="muted">Approval is possible once the proposal is rebased on the current hierarchy.</p> : null}
      {!props.stale && props.blocked ? <p className="muted">Some changes no longer apply; the author must drop them first.</p> : null}
      <FormMessage state={state} />
    </form>
  );
}

/** A one-button form (rebase, withdraw, drop a change). */
export function ProposalButton(props: { action: ButtonAct; label: string; secondary?: boolean; confirm?: string }) {
  const [state, submit, pending] = useActionState(props.action, IDLE);
  return (
    <form
      action={submit}
      onSubmit={(e) => {
        if (props.confirm && !window.confirm(props.confirm)) e.preventDefault();
      }}
    >
      <button className={props.secondary ? 'btn btn-secondary' : 'btn'} type="submit" disabled={pending}>
        {props.label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** Adds a comment to a change's thread, or to the whole proposal. */
export function ProposalCommentForm(props: { action: FormAct; label: string; id: string }) {
  const [state, submit, pending] = useActionState(props.action, IDLE);
  return (
    <form action={submit} className="stack" aria-label={props.label}>
      <div className="field">
        <label htmlFor={props.id} className="visually-hidden">
          {props.label}
        </label>
        <textarea id={props.id} name="body" rows={2} maxLength={5000} placeholder={props.label} required />
      </div>
      <button className="btn btn-secondary" type="submit" disabled={pending}>
        Comment
      </button>
      <FormMessage state={state} />
    </form>
  );
}
