import type { Metadata } from 'next';
import Link from 'next/link';

import { CodingOrderPanel } from '@/components/saturation/coding-order-panel';
import { EmergenceCurve } from '@/components/saturation/emergence-curve';
import { GuestParams } from '@/components/saturation/guest-params';
import { HoldOutPanel } from '@/components/saturation/holdout-panel';
import styles from '@/components/saturation/saturation.module.css';
import { LEVEL_NAME } from '@/lib/coding/hierarchy-types';
import { GUEST_DEFAULTS } from '@/lib/saturation/guest';
import { guestOptionsOf, ZGuestQuery } from '@/lib/saturation/schemas';
import { loadSaturation } from '@/lib/server/data/saturation/load-saturation';
import { loadProjectPage } from '@/lib/server/pages';

export const metadata: Metadata = { title: 'Saturation' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ base?: string; run?: string; threshold?: string }> };

const REASON = { 'one-source': 'one source only', 'one-coder': 'one coder only', 'no-coding': 'no coded segments' } as const;

/**
 * Theoretical saturation, shown rather than claimed: the emergence curve over the coding order,
 * Guest, Namey & Chen's (2020) assessment with adjustable parameters, the hold-out test against
 * a snapshot of the hierarchy, and thin categories.
 */
export default async function SaturationPage(props: Props) {
  const { user, project } = await loadProjectPage((await props.params).projectId);
  const search = await props.searchParams;
  const parsed = ZGuestQuery.safeParse({ base: search.base || undefined, run: search.run || undefined, threshold: search.threshold || undefined });
  const query = parsed.success ? parsed.data : {};
  const { report, coders, canEdit } = await loadSaturation({ userId: user.id, projectId: project.id, guest: guestOptionsOf(query) });
  const base = `/projects/${project.id}`;
  const g = report.guest;
  // Guest et al. stop at the first run under the threshold; say so when a later run is above it.
  const laterAbove = g.reachedAt === null ? [] : g.runs.filter((r) => r.from > g.reachedAt! + 1 && !r.meetsThreshold);
  const code = (id: string) => report.codes[id] ?? { label: '', name: id, level: 1 };
  const codeLinks = (ids: string[]) =>
    ids.length ? (
      <ul className={styles.codeList}>
        {ids.map((id) => (
          <li key={id}>
            <Link href={`${base}/codes/${id}`}>{code(id).label || code(id).name}</Link>
          </li>
        ))}
      </ul>
    ) : (
      <span className="muted">—</span>
    );
  const exportQuery = query.base !== undefined || query.run !== undefined || query.threshold !== undefined ? `&base=${g.options.base}&run=${g.options.run}&threshold=${g.options.threshold * 100}` : '';
  const allSources = [
    ...report.emergence.map((p) => ({ id: p.sourceId, title: p.title, kind: p.kind, saturationTest: p.saturationTest, coded: p.coded })),
    ...report.uncoded.map((s) => ({ ...s, coded: false })),
  ];

  return (
    <>
      <h1>Saturation</h1>
      <p className="muted">
        Show, rather than claim, that coding reached saturation: when each code first appeared, Guest, Namey &amp; Chen’s (2020) new-information test, and a hold-out test on
        sources coded after a snapshot of the hierarchy.
      </p>
      {!parsed.success ? (
        <p role="alert" className={styles.error}>
          {parsed.error.issues[0]?.message} Showing the defaults.
        </p>
      ) : null}

      <section className={`card ${styles.section}`} aria-labelledby="emergence-heading">
        <h2 id="emergence-heading">Emergence curve</h2>
        <p className={styles.intro}>
          Sources in coding order ({report.mode === 'user' ? 'set by the team' : 'by when each was first coded'}). A category or main category appears with the first source
          in which it, or a code under it in today’s hierarchy, is coded. {report.uncoded.length ? `${report.uncoded.length} uncoded ${report.uncoded.length === 1 ? 'source is' : 'sources are'} not in the order yet.` : ''}
        </p>
        {report.emergence.length === 0 ? (
          <p className="empty">No coded sources yet. Code a source and its concepts appear here.</p>
        ) : (
          <>
            <EmergenceCurve points={report.emergence} reachedAt={g.reachedAt} projectName={project.name} />
            <details style={{ marginTop: '0.75rem' }}>
              <summary>New codes per source (table)</summary>
              <div className={styles.tableWrap}>
                <table className="table" data-testid="emergence-table">
                  <thead>
                    <tr>
                      <th>#</th>
                      <th>Source</th>
                      <th>New concepts</th>
                      <th>New categories</th>
                      <th>New main categories</th>
                      <th className={styles.num}>Cumulative C / B / A</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.emergence.map((p) => (
                      <tr key={p.sourceId}>
                        <td className={styles.num}>{p.position}</td>
                        <td>
                          <Link href={`${base}/sources/${p.sourceId}`}>{p.title}</Link>
                          {p.saturationTest ? <span className={styles.testTag}>test</span> : null}
                        </td>
                        <td>{codeLinks(p.added[1])}</td>
                        <td>{codeLinks(p.added[2])}</td>
                        <td>{codeLinks(p.added[3])}</td>
                        <td className={styles.num}>
                          {p.cumulative[1]} / {p.cumulative[2]} / {p.cumulative[3]}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
            {canEdit ? <CodingOrderPanel projectId={project.id} sources={report.emergence.map((p) => ({ id: p.sourceId, title: p.title }))} mode={report.mode} /> : null}
          </>
        )}
      </section>

      <section className={`card ${styles.section}`} aria-labelledby="guest-heading">
        <h2 id="guest-heading">Guest, Namey &amp; Chen (2020) assessment</h2>
        <p className={styles.intro}>
          The first <em>base</em> sources set the denominator (their unique codes). Runs of <em>run length</em> sources then move forward one source at a time; a run’s new
          information is the codes no earlier source had, as a share of the base. Saturation is reached at the last source before the first run at or under the threshold.
          Codes are counted as applied (any level).
        </p>
        <GuestParams base={g.options.base} run={g.options.run} threshold={Math.round(g.options.threshold * 1000) / 10} />
        <p className={`${styles.verdict} ${g.reachedAt === null ? styles.verdictNot : ''}`} data-testid="guest-sentence">
          {g.sentence.charAt(0).toUpperCase() + g.sentence.slice(1)}
        </p>
        {g.problem ? <p className="muted">Cannot assess: {g.problem}.</p> : null}
        {g.runs.length ? (
          <div className={styles.tableWrap}>
            <p className="muted" style={{ fontSize: '0.88rem', margin: '0 0 0.3rem' }}>
              Base: {g.options.base === 1 ? 'source 1' : `sources 1–${g.options.base}`}, {g.baseCodes} unique codes (defaults: base {GUEST_DEFAULTS.base}, run {GUEST_DEFAULTS.run}, ≤ {GUEST_DEFAULTS.threshold * 100} %).
            </p>
            <table className="table" data-testid="guest-runs">
              <thead>
                <tr>
                  <th>Run (sources)</th>
                  <th className={styles.num}>New codes</th>
                  <th className={styles.num}>% of base</th>
                  <th>Threshold</th>
                </tr>
              </thead>
              <tbody>
                {g.runs.map((r) => (
                  <tr key={r.from}>
                    <td>{r.from === r.to ? r.from : `${r.from}–${r.to}`}</td>
                    <td className={styles.num}>{r.newCodes}</td>
                    <td className={styles.num}>{(r.ratio * 100).toFixed(1)} %</td>
                    <td>{r.meetsThreshold ? <span className={styles.meets}>met</span> : <span className="muted">not met</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {laterAbove.length ? (
          <p className={styles.warn} data-testid="guest-later">
            After the saturation point, {laterAbove.length === 1 ? 'a later run' : `${laterAbove.length} later runs`} again exceeded the threshold:{' '}
            {laterAbove.map((r) => `${r.from === r.to ? `source ${r.from}` : `sources ${r.from}–${r.to}`} (${(r.ratio * 100).toFixed(1)} %)`).join(', ')}. Consider a larger base or a longer run.
          </p>
        ) : null}
      </section>

      <section className={`card ${styles.section}`} aria-labelledby="holdout-heading">
        <h2 id="holdout-heading">Hold-out saturation test</h2>
        <p className={styles.intro}>
          Set sources aside before coding them. The app snapshots the codes and relations; afterwards it reports, per test source, every new concept, category, main category
          and relation, and a verdict you can quote in a methods section.
        </p>
        <HoldOutPanel projectId={project.id} sources={allSources} report={report.holdOut} canEdit={canEdit} exportQuery={exportQuery} />
      </section>

      <section className={`card ${styles.section}`} aria-labelledby="thin-heading">
        <h2 id="thin-heading">Thin categories</h2>
        <p className={styles.intro}>Categories whose coded segments (their own and their concepts’) come from one source only, or — in a team — from one coder only.</p>
        {report.thin.length === 0 ? (
          <p className="muted">None: every category is supported by more than one source (and, in a team, by more than one coder).</p>
        ) : (
          <table className="table" data-testid="thin-categories">
            <thead>
              <tr>
                <th>Category</th>
                <th>Level</th>
                <th className={styles.num}>Sources</th>
                <th className={styles.num}>Coders</th>
                <th>Why thin</th>
              </tr>
            </thead>
            <tbody>
              {report.thin.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link href={`${base}/codes/${t.id}`}>{t.label ? `${t.label} ${t.name}` : t.name}</Link>
                  </td>
                  <td>{LEVEL_NAME[t.level]}</td>
                  <td className={styles.num}>{t.sources}</td>
                  <td className={styles.num}>{t.coders}</td>
                  <td>
                    {t.reasons
                      .map((r) =>
                        r === 'one-source' && t.sourceId
                          ? `${REASON[r]} (${allSources.find((s) => s.id === t.sourceId)?.title ?? 'a source'})`
                          : r === 'one-coder' && t.coderId
                            ? `${REASON[r]} (${coders[t.coderId] ?? 'a coder'})`
                            : REASON[r],
                      )
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
