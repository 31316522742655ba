import type { Metadata } from 'next';
import Link from 'next/link';

import styles from '@/components/team/agreement.module.css';
import { AgreementChoiceGroup } from '@/components/team/agreement-choice-group';
import { AgreementDisagreements } from '@/components/team/agreement-disagreements';
import { AgreementTableView } from '@/components/team/agreement-table';
import { TeamTabs } from '@/components/team/team-tabs';
import { agreementQuery, DEFAULT_THRESHOLD, parseAgreementParams } from '@/lib/agreement/params';
import { can } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors/app-error';
import { listDisagreements, loadAgreementOptions } from '@/lib/server/data/agreement/agreement';
import { agreementForParams, codeIdsFor } from '@/lib/server/data/agreement/export-agreement';
import { DECISION_LABELS, listResolutions } from '@/lib/server/data/agreement/resolve-disagreement';
import { loadProjectPage } from '@/lib/server/pages';

import { resolveDisagreementAction } from './actions';

export const metadata: Metadata = { title: 'Agreement' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const CODE_LEVELS = [
  { value: '', label: 'All levels' },
  { value: '1', label: 'Concepts' },
  { value: '2', label: 'Categories' },
  { value: '3', label: 'Main categories' },
  { value: '4', label: 'Core categories' },
];

function toSearch(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) for (const value of Array.isArray(v) ? v : v === undefined ? [] : [v]) q.append(k, value);
  return q;
}

/** Inter-coder agreement: choose coders, sources, codes and level; the table; the disagreement list. */
export default async function AgreementPage(props: Props) {
  const { user, project } = await loadProjectPage((await props.params).projectId);
  const search = toSearch(await props.searchParams);
  const params = parseAgreementParams(search);
  const options = await loadAgreementOptions({ userId: user.id, projectId: project.id });
  const submitted = search.has('level');
  // Default: the first two coders (most often a project has two).
  if (!submitted && params.coderIds.length === 0) params.coderIds = options.coders.slice(0, 2).map((c) => c.id);
  const chosen = new Set(params.coderIds);
  const defaultSources = options.sources.filter((s) => s.coderIds.filter((c) => chosen.has(c)).length >= 2);
  const sourceChecked = new Set(params.sourceIds ?? defaultSources.map((s) => s.id));
  const codeChecked = new Set(params.codeIds ?? options.codes.map((c) => c.id));
  const canResolve = can(project.role, 'review:write');

  let computed: Awaited<ReturnType<typeof agreementForParams>> | null = null;
  let problem: string | null = null;
  if (options.coders.length < 2) problem = 'Agreement compares the codings of two or more coders. So far fewer than two people have coded in this project.';
  else if (params.coderIds.length < 2) problem = 'Choose at least two coders.';
  else if (codeIdsFor(params, options.codes).length === 0) problem = 'Choose at least one code.';
  else {
    try {
      computed = await agreementForParams({ userId: user.id, projectId: project.id, params });
      if (computed.result.sources.length === 0) {
        problem = 'No source has codings by at least two of the chosen coders. Choose sources, or other coders.';
        computed = null;
      }
    } catch (error) {
      if (isAppError(error) && error.code === 'INVALID_INPUT') problem = error.userMessage;
      else throw error;
    }
  }
  const names = new Map(options.coders.map((c) => [c.id, c.name]));
  const [coderA, coderB] = params.coderIds;
  const disagreements =
    computed && coderA && coderB
      ? await listDisagreements({ userId: user.id, projectId: project.id, coderIds: [coderA, coderB], sourceIds: computed.result.sources.map((s) => s.id), codeIds: computed.result.codes.map((c) => c.id), level: params.level })
      : [];
  const resolutions = await listResolutions({ userId: user.id, projectId: project.id, take: 20 });
  const query = agreementQuery(params).toString();
  const exportHref = (format: string) => `/api/projects/${project.id}/exports/agreement?format=${format}&${query}`;
  const threshold = params.level.kind === 'segment' ? params.level.threshold : params.threshold;

  return (
    <>
      <h1>Team</h1>
      <TeamTabs projectId={project.id} />
      <section className="card">
        <h2>Inter-coder agreement</h2>
        <p className={styles.intro}>
          How far coders who coded the same sources independently agree. Choose the coders, the sources and codes, and what counts as a unit. Percentage agreement and Cohen’s κ (two coders)
          compare coders directly; Fleiss’ κ and Krippendorff’s α (nominal) work for two or more coders and allow for sources a coder did not code. For independent coding, turn on blind coding in
          the project settings first.
        </p>
        {params.problems.map((p) => (
          <p key={p} className={styles.problem} role="alert">
            {p}
          </p>
        ))}
        <form method="get" aria-label="Agreement options">
          <fieldset className={styles.fieldset}>
            <legend>Coders</legend>
            {options.coders.length === 0 ? (
              <p className="muted">No one has coded yet.</p>
            ) : (
              <ul className={styles.chooser}>
                {options.coders.map((c) => (
                  <li key={c.id}>
                    <label>
                      <input type="checkbox" name="coder" value={c.id} defaultChecked={chosen.has(c.id)} /> {c.name}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <p className={styles.hint}>Two or more. Cohen’s κ and the disagreement list compare the first two chosen.</p>
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend>Unit of agreement</legend>
            <div className={styles.levels}>
              <label className={styles.radio}>
                <input type="radio" name="level" value="existence" defaultChecked={params.level.kind === 'existence'} />
                <span>
                  <strong>Code existence per source</strong> — did each coder use the code anywhere in the source? (the simplest; as MAXQDA reports it)
                </span>
              </label>
              <label className={styles.radio}>
                <input type="radio" name="level" value="segment" defaultChecked={params.level.kind === 'segment'} />
                <span>
                  <strong>Segment level</strong> — each coded segment agrees when the other coder coded the same code on a segment overlapping it by at least{' '}
                  <input className={styles.threshold} type="number" name="threshold" min={1} max={100} step={1} defaultValue={threshold ?? DEFAULT_THRESHOLD} aria-label="Overlap threshold (%)" />% (as
                  MAXQDA does)
                </span>
              </label>
              <label className={styles.radio}>
                <input type="radio" name="level" value="character" defaultChecked={params.level.kind === 'character'} />
                <span>
                  <strong>Character level</strong> — each character coded or not, by each coder (as NVivo computes it)
                </span>
              </label>
            </div>
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend>Codes</legend>
            <label className={styles.radio}>
              Hierarchy level{' '}
              <select className={styles.select} name="codeLevel" defaultValue={params.codeLevel ? String(params.codeLevel) : ''}>
                {CODE_LEVELS.map((l) => (
                  <option key={l.value} value={l.value}>
                    {l.label}
                  </option>
                ))}
              </select>
            </label>
            <details className={styles.details}>
              <summary>
                {params.codeIds ? `${params.codeIds.length} chosen codes` : 'All codes'} — choose codes
              </summary>
              <AgreementChoiceGroup item="code" switchName="codes">
              <label className={styles.radio}>
                <input type="checkbox" name="codes" value="chosen" defaultChecked={params.codeIds !== null} /> Only the codes ticked below
              </label>
              <div className={styles.scroll}>
                <ul className={styles.chooser}>
                  {options.codes.map((c) => (
                    <li key={c.id}>
                      <label>
                        <input type="checkbox" name="code" value={c.id} defaultChecked={codeChecked.has(c.id)} /> {c.label ? `${c.label} ` : ''}
                        {c.name}
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
              </AgreementChoiceGroup>
            </details>
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend>Sources</legend>
            <details className={styles.details}>
              <summary>
                {params.sourceIds ? `${params.sourceIds.length} chosen sources` : `Sources coded by at least two of the chosen coders (${defaultSources.length})`} — choose sources
              </summary>
              <AgreementChoiceGroup item="source" switchName="sources">
              <label className={styles.radio}>
                <input type="checkbox" name="sources" value="chosen" defaultChecked={params.sourceIds !== null} /> Only the sources ticked below
              </label>
              <div className={styles.scroll}>
                <ul className={styles.chooser}>
                  {options.sources
                    .filter((s) => s.coderIds.length > 0)
                    .map((s) => (
                      <li key={s.id}>
                        <label>
                          <input type="checkbox" name="source" value={s.id} defaultChecked={sourceChecked.has(s.id)} /> {s.title}{' '}
                          <span className="muted">({s.coderIds.map((id) => names.get(id) ?? 'former member').join(', ')})</span>
                        </label>
                      </li>
                    ))}
                </ul>
              </div>
              </AgreementChoiceGroup>
            </details>
          </fieldset>
          <button className="btn" type="submit">
            Compute agreement
          </button>
        </form>
      </section>

      {problem && (
        <section className="card">
          <p className={styles.problem} role="status">
            {problem}
          </p>
        </section>
      )}

      {computed && (
        <section className="card" aria-labelledby="agreement-result">
          <h2 id="agreement-result">Agreement — {computed.report.level}</h2>
          <ul className={styles.settings}>
            {computed.report.settings.slice(1).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <div className={styles.exports}>
            <a className="btn btn-secondary btn-sm" href={exportHref('csv')} download>
              Export CSV
            </a>
            <a className="btn btn-secondary btn-sm" href={exportHref('xlsx')} download>
              Export Excel (.xlsx)
            </a>
            <a className="btn btn-secondary btn-sm" href={exportHref('docx')} download>
              Export Word (.docx)
            </a>
          </div>
          <AgreementTableView report={computed.report} />
        </section>
      )}

      {computed && coderA && coderB && (
        <section className="card" aria-labelledby="disagreements">
          <h2 id="disagreements">
            Disagreements — {names.get(coderA)} and {names.get(coderB)} ({disagreements.length})
          </h2>
          <p className={styles.intro}>
            Passages where the two coders did not code alike at this level ({computed.report.level.toLowerCase()}), side by side, for the team to discuss.{' '}
            {canResolve
              ? 'Keep one coder’s coding (the other’s is removed), keep both, or merge them into one coding spanning both. Every decision is recorded.'
              : 'Owners and reviewers resolve them.'}
          </p>
          <AgreementDisagreements
            projectId={project.id}
            items={disagreements}
            coderA={names.get(coderA) ?? 'Coder A'}
            coderB={names.get(coderB) ?? 'Coder B'}
            canResolve={canResolve}
            resolve={resolveDisagreementAction.bind(null, project.id)}
          />
        </section>
      )}

      <section className="card" aria-labelledby="resolutions">
        <h2 id="resolutions">Recorded resolutions</h2>
        {resolutions.length === 0 ? (
          <p className="muted">No disagreement has been resolved yet.</p>
        ) : (
          <table className="table" aria-label="Recorded resolutions">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Code</th>
                <th scope="col">Source</th>
                <th scope="col">Decision</th>
                <th scope="col">By</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {resolutions.map((r) => (
                <tr key={r.id}>
                  <td>{new Date(r.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC</td>
                  <td>{r.codeName}</td>
                  <td>
                    {r.sourceTitle} <span className="muted">({r.start + 1}–{r.end})</span>
                  </td>
                  <td>{DECISION_LABELS[r.decision] ?? r.decision}</td>
                  <td>{r.resolvedBy}</td>
                  <td>{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className={styles.hint}>
          The change log lists them too: <Link href={`/projects/${project.id}/team/activity`}>Activity</Link>.
        </p>
      </section>
    </>
  );
}
