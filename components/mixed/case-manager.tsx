'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

import { type CasePartItem, CaseParts } from '@/components/cases/case-parts';
import { requestJson } from '@/components/datasets/api';

import styles from './mixed.module.css';

export interface CaseItem {
  id: string;
  name: string;
  sources: Array<{ id: string; title: string; kind: string }>;
}
export interface UnassignedSource {
  id: string;
  title: string;
  kind: string;
  interviewee: string;
}

type Message = { kind: 'error' | 'success'; text: string } | null;

function Flash({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      {message.text}
    </p>
  );
}

/**
 * The project's cases (an interviewee, a firm…: the unit that matches a survey respondent) with
 * their sources: create, rename, delete, put sources in and take them out, or make one case
 * per interviewee. Owners and coders edit; everyone else reads.
 */
export function CaseManager(props: {
  projectId: string;
  cases: CaseItem[];
  unassigned: UnassignedSource[];
  canWrite: boolean;
  /** Parts of sources (speakers, ranges) in the cases. */
  parts?: CasePartItem[];
  /** Every source, to choose a speaker's transcript from. */
  sources?: Array<{ id: string; title: string }>;
}) {
  const router = useRouter();
  const api = `/api/projects/${encodeURIComponent(props.projectId)}/cases`;
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const withInterviewee = props.unassigned.filter((s) => s.interviewee.trim()).length;

  async function call(url: string, method: string, body: unknown, success: (data: never) => string) {
    setBusy(true);
    setMessage(null);
    const answer = await requestJson<never>(url, { method, body });
    setBusy(false);
    if (!answer.ok) {
      setMessage({ kind: 'error', text: answer.error });
      return false;
    }
    setMessage({ kind: 'success', text: success(answer.data) });
    router.refresh();
    return true;
  }

  return (
    <div className={styles.twoCol}>
      <section className="card" aria-labelledby="cases-heading">
        <h2 id="cases-heading">
          Cases <span className="muted">({props.cases.length})</span>
        </h2>
        <Flash message={message} />
        {props.cases.length === 0 ? (
          <p className="empty">No cases yet.{props.canWrite ? ' Create one, or one per interviewee, on the right.' : ''}</p>
        ) : (
          <ul className={styles.caseList} aria-label="Cases">
            {props.cases.map((c) => (
              <CaseRow
                key={c.id}
                projectId={props.projectId}
                item={c}
                unassigned={props.unassigned}
                parts={(props.parts ?? []).filter((p) => p.caseId === c.id)}
                sources={props.sources ?? []}
                canWrite={props.canWrite}
                busy={busy}
                call={call}
                api={api}
              />
            ))}
          </ul>
        )}
      </section>
      <div className="stack">
        {props.canWrite && <CreateCase api={api} unassigned={props.unassigned} busy={busy} call={call} />}
        {props.canWrite && (
          <section className="card" aria-labelledby="from-interviewees-heading">
            <h2 id="from-interviewees-heading">One case per interviewee</h2>
            <p className={styles.intro}>
              {withInterviewee > 0
                ? `${withInterviewee} ${withInterviewee === 1 ? 'source without a case names' : 'sources without a case name'} an interviewee. Sources of the same interviewee share a case; an existing case of that name is reused.`
                : 'No source without a case names an interviewee (set it in a source’s details).'}
            </p>
            <button
              type="button"
              className="btn btn-secondary"
              disabled={busy || withInterviewee === 0}
              onClick={() =>
                call(api, 'POST', { fromInterviewees: true }, (d: { created: number; assigned: number }) => `Created ${d.created} ${d.created === 1 ? 'case' : 'cases'} and put ${d.assigned} ${d.assigned === 1 ? 'source' : 'sources'} in them.`)
              }
            >
              Create cases from interviewees
            </button>
          </section>
        )}
        <section className="card" aria-labelledby="unassigned-heading">
          <h2 id="unassigned-heading">
            Sources without a case <span className="muted">({props.unassigned.length})</span>
          </h2>
          {props.unassigned.length === 0 ? (
            <p className="muted">Every source belongs to a case.</p>
          ) : (
            <ul className={styles.caseSources} aria-label="Sources without a case">
              {props.unassigned.map((s) => (
                <li key={s.id} className={styles.chip} style={{ paddingRight: '0.6rem' }}>
                  <Link href={`/projects/${props.projectId}/sources/${s.id}`}>{s.title}</Link>
                  {s.interviewee && <span className="muted">· {s.interviewee}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

type Call = (url: string, method: string, body: unknown, success: (data: never) => string) => Promise<boolean>;

function SourceChecks(props: { legend: string; sources: UnassignedSource[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  if (props.sources.length === 0) return <p className="muted">No sources without a case.</p>;
  return (
    <fieldset className={styles.sourceChecks}>
      <legend>{props.legend}</legend>
      {props.sources.map((s) => (
        <label key={s.id} className={styles.check}>
          <input
            type="checkbox"
            checked={props.chosen.includes(s.id)}
            onChange={(e) => props.onChange(e.target.checked ? [...props.chosen, s.id] : props.chosen.filter((x) => x !== s.id))}
          />
          <span>
            {s.title}
            {s.interviewee && <span className="muted"> · {s.interviewee}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function CreateCase(props: { api: string; unassigned: UnassignedSource[]; busy: boolean; call: Call }) {
  const id = useId();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>New case</h2>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await props.call(props.api, 'POST', { name: name.trim(), sourceIds: chosen }, () => `Created the case “${name.trim()}”.`);
          if (ok) {
            setName('');
            setChosen([]);
          }
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Case identifier</label>
          <input id={`${id}-name`} value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} aria-describedby={`${id}-hint`} />
          <span className="hint" id={`${id}-hint`}>
            The respondent’s id in the survey (e.g. R017), so the case can be matched.
          </span>
        </div>
        <SourceChecks legend="Its sources" sources={props.unassigned} chosen={chosen} onChange={setChosen} />
        <button type="submit" className="btn" disabled={props.busy || !name.trim()}>
          Create case
        </button>
      </form>
    </section>
  );
}

function CaseRow(props: {
  projectId: string;
  api: string;
  item: CaseItem;
  unassigned: UnassignedSource[];
  parts: CasePartItem[];
  sources: Array<{ id: string; title: string }>;
  canWrite: boolean;
  busy: boolean;
  call: Call;
}) {
  const { item } = props;
  const id = useId();
  const [mode, setMode] = useState<'view' | 'rename' | 'add'>('view');
  const [name, setName] = useState(item.name);
  const [chosen, setChosen] = useState<string[]>([]);
  const url = `${props.api}/${encodeURIComponent(item.id)}`;

  return (
    <li className={styles.caseItem} data-testid="case" aria-labelledby={`${id}-name`}>
      <div className={styles.caseHead}>
        {mode === 'rename' ? (
          <form
            className="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await props.call(url, 'PATCH', { name: name.trim() }, () => `Renamed to “${name.trim()}”.`)) setMode('view');
            }}
          >
            <label className="visually-hidden" htmlFor={`${id}-rename`}>
              New identifier of {item.name}
            </label>
            <input id={`${id}-rename`} value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} autoFocus />
            <button type="submit" className="btn btn-sm" disabled={props.busy || !name.trim()}>
              Save
            </button>
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => (setName(item.name), setMode('view'))}>
              Cancel
            </button>
          </form>
        ) : (
          <span className={styles.caseName} id={`${id}-name`}>
            {item.name}{' '}
            <span className="muted" style={{ fontWeight: 400, fontSize: '0.85rem' }}>
              · {item.sources.length} {item.sources.length === 1 ? 'source' : 'sources'}
              {props.parts.length > 0 && `, ${props.parts.length} ${props.parts.length === 1 ? 'part' : 'parts'}`}
            </span>
          </span>
        )}
        {props.canWrite && mode === 'view' && (
          <div className={styles.actions}>
            <button type="button" className="btn btn-link btn-sm" onClick={() => setMode('add')} disabled={props.unassigned.length === 0}>
              Add sources
            </button>
            <button type="button" className="btn btn-link btn-sm" onClick={() => setMode('rename')} aria-label={`Rename ${item.name}`}>
              Rename
            </button>
            <button
              type="button"
              className="btn btn-link btn-sm"
              style={{ color: 'var(--danger)' }}
              aria-label={`Delete ${item.name}`}
              onClick={() => {
                if (window.confirm(`Delete the case “${item.name}”? Its ${item.sources.length} ${item.sources.length === 1 ? 'source stays' : 'sources stay'}, without a case.`)) {
                  void props.call(url, 'DELETE', undefined, () => `Deleted the case “${item.name}”.`);
                }
              }}
            >
              Delete
            </button>
          </div>
        )}
      </div>
      {item.sources.length > 0 ? (
        <ul className={styles.caseSources} aria-label={`Sources of ${item.name}`}>
          {item.sources.map((s) => (
            <li key={s.id} className={styles.chip}>
              <Link href={`/projects/${props.projectId}/sources/${s.id}`}>{s.title}</Link>
              {props.canWrite && (
                <button
                  type="button"
                  aria-label={`Take ${s.title} out of ${item.name}`}
                  title="Take out of the case"
                  disabled={props.busy}
                  onClick={() => props.call(`${props.api}/assign`, 'POST', { caseId: null, sourceIds: [s.id] }, () => `Took “${s.title}” out of ${item.name}.`)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        props.parts.length === 0 && (
          <p className="muted" style={{ margin: '0.3rem 0 0', fontSize: '0.85rem' }}>
            No sources yet.
          </p>
        )
      )}
      <CaseParts projectId={props.projectId} caseId={item.id} caseName={item.name} parts={props.parts} sources={props.sources} canWrite={props.canWrite} busy={props.busy} call={props.call} />
      {mode === 'add' && (
        <form
          className="stack"
          style={{ marginTop: '0.6rem' }}
          onSubmit={async (e) => {
            e.preventDefault();
            if (await props.call(`${props.api}/assign`, 'POST', { caseId: item.id, sourceIds: chosen }, (n: { assigned: number }) => `Put ${n.assigned} ${n.assigned === 1 ? 'source' : 'sources'} in ${item.name}.`)) {
              setChosen([]);
              setMode('view');
            }
          }}
        >
          <SourceChecks legend={`Sources to put in ${item.name}`} sources={props.unassigned} chosen={chosen} onChange={setChosen} />
          <div className={styles.actions}>
            <button type="submit" className="btn btn-sm" disabled={props.busy || chosen.length === 0}>
              Add {chosen.length || ''} {chosen.length === 1 ? 'source' : 'sources'}
            </button>
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => (setChosen([]), setMode('view'))}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
