'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useMemo, useState, useTransition } from 'react';

import { createRelationAction, deleteRelationAction, updateRelationAction } from '@/app/(app)/projects/[projectId]/hierarchy/actions';
import { MemoView } from '@/components/memo/memo-view';
import { CommentToggle } from '@/components/team/comment-toggle';
import { plainTextToMemo, type MemoDoc } from '@/lib/coding/memo';
import { type EvidenceExcerpt, MIN_RELATION_LEVEL, relationLabel, type HierarchyRelation } from '@/lib/coding/relations';

import { codeTitle, RelationForm, type RelationCode, type RelationInput } from './relation-form';
import styles from './relation-panel.module.css';

export type { RelationCode } from './relation-form';

/** A relation as the panel shows it: the stored relation plus its rich-text memo (null: none, or only plain text). */
export interface PanelRelation extends HierarchyRelation {
  memo: MemoDoc | null;
}

/** Props of {@link RelationPanel}. */
export interface RelationPanelProps {
  projectId: string;
  /** The project's codes (all levels). */
  codes: readonly RelationCode[];
  relations: readonly PanelRelation[];
  /** Excerpts of the codings cited as evidence, by coding id. */
  excerpts: Readonly<Record<string, EvidenceExcerpt>>;
  /** Owners and coders: add, edit and delete relations. */
  canEdit: boolean;
}

const MEMO_PREVIEW_CHARS = 160;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Axial coding as a list: each relation "B3 Platform dependence → (causal condition) → A2
 * Channel diversification" with its memo and evidence (both expandable), Edit and Delete for
 * those who may edit, and the form that adds a relation.
 */
export function RelationPanel({ projectId, codes, relations, excerpts, canEdit }: RelationPanelProps) {
  const router = useRouter();
  const headingId = useId();
  const newId = useId();
  const [status, setStatus] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const eligible = codes.filter((c) => c.level >= MIN_RELATION_LEVEL).length;

  const sentence = (r: Pick<HierarchyRelation, 'fromId' | 'toId' | 'type' | 'customType'>) =>
    `${titleOf(byId, r.fromId)} → (${relationLabel(r)}) → ${titleOf(byId, r.toId)}`;

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <div className={styles.header}>
        <h2 id={headingId}>
          Relations <span className={styles.count}>{relations.length}</span>
        </h2>
        <p className={styles.hint}>
          How categories relate: the paradigm model’s causal conditions, context, intervening conditions, action/interaction strategies and consequences
          (Strauss &amp; Corbin), or a type you name. Each relation reads From → type → To.
        </p>
      </div>

      <p className={styles.status} role="status" aria-live="polite">
        {status}
      </p>

      {eligible === 0 ? (
        <div className={styles.empty}>
          <p>Relations join categories, main categories and core categories. Build categories in the Outline first.</p>
          <p>
            <Link href={`/projects/${projectId}/hierarchy`}>Go to the Outline</Link>
          </p>
        </div>
      ) : null}

      {relations.length === 0 ? (
        eligible > 0 ? <p className={styles.none}>No relations yet.{canEdit ? ' Add the first one below.' : ''}</p> : null
      ) : (
        <ul className={styles.list}>
          {relations.map((r) => (
            <RelationRow
              key={r.id}
              projectId={projectId}
              relation={r}
              codes={codes}
              byId={byId}
              excerpts={excerpts}
              canEdit={canEdit}
              sentence={sentence(r)}
              onChanged={(text) => {
                setStatus(text);
                router.refresh();
              }}
            />
          ))}
        </ul>
      )}

      {canEdit && eligible > 0 && (
        <section className={styles.add} aria-labelledby={newId}>
          <h3 id={newId}>New relation</h3>
          {eligible < 2 && <p className={styles.hint}>A relation joins two codes: build a second category, main category or core category in the Outline.</p>}
          <RelationForm
            key={formKey}
            projectId={projectId}
            codes={codes}
            submitLabel="Add relation"
            onSubmit={(input) => createRelationAction(projectId, input)}
            onDone={(input: RelationInput) => {
              setStatus(`Added: ${sentence(input)}.`);
              setFormKey((k) => k + 1);
              router.refresh();
            }}
          />
        </section>
      )}
      {!canEdit && eligible > 0 && <p className={styles.hint}>Owners and coders add and edit relations; you can read them.</p>}
    </section>
  );
}

function titleOf(byId: ReadonlyMap<string, RelationCode>, id: string): string {
  const code = byId.get(id);
  return code ? codeTitle(code) : 'a deleted code';
}

type Mode = 'view' | 'edit' | 'delete';

function RelationRow(props: {
  projectId: string;
  relation: PanelRelation;
  codes: readonly RelationCode[];
  byId: ReadonlyMap<string, RelationCode>;
  excerpts: Readonly<Record<string, EvidenceExcerpt>>;
  canEdit: boolean;
  sentence: string;
  onChanged(status: string): void;
}) {
  const { projectId, relation: r, byId, excerpts, canEdit, sentence, onChanged } = props;
  const [mode, setMode] = useState<Mode>('view');
  const [memoOpen, setMemoOpen] = useState(false);
  const [evidenceOpen, setEvidenceOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const memoId = useId();
  const evidenceId = useId();

  const evidence = r.evidenceCodingIds
    .map((id) => excerpts[id])
    .filter((e): e is EvidenceExcerpt => e !== undefined)
    .sort((a, b) => a.sourceTitle.localeCompare(b.sourceTitle) || a.start - b.start);
  const memoText = r.memoText.trim();
  const preview = memoText.length > MEMO_PREVIEW_CHARS ? `${memoText.slice(0, MEMO_PREVIEW_CHARS).trimEnd()}…` : memoText;

  function remove() {
    setError(null);
    startTransition(async () => {
      const result = await deleteRelationAction(projectId, r.id);
      if (!result.ok && result.proposed) return onChanged(result.message);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      onChanged(`Deleted: ${sentence}.`);
    });
  }

  const from = byId.get(r.fromId);
  const to = byId.get(r.toId);
  return (
    <li className={styles.row} data-testid="relation-row" data-relation-id={r.id} id={`relation-${r.id}`}>
      <p className={styles.sentence}>
        <span className={styles.code}>{from ? codeTitle(from) : 'a deleted code'}</span>
        {' → '}
        <span className={styles.type}>({relationLabel(r)})</span>
        {' → '}
        <span className={styles.code}>{to ? codeTitle(to) : 'a deleted code'}</span>
      </p>

      {mode === 'edit' ? (
        <RelationForm
          projectId={projectId}
          codes={props.codes}
          initial={{ fromId: r.fromId, toId: r.toId, type: r.type, customType: r.customType, memo: r.memo ?? legacyMemo(r.memoText), evidence }}
          submitLabel="Save relation"
          onSubmit={(input) => updateRelationAction(projectId, r.id, input)}
          onDone={() => {
            setMode('view');
            onChanged(`Saved: ${sentence}.`);
          }}
          onCancel={() => setMode('view')}
        />
      ) : (
        <>
          <div className={styles.details}>
            {memoText ? (
              <div className={styles.memo}>
                {!memoOpen && <p className={styles.memoPreview}>{preview}</p>}
                <button type="button" className="btn-link btn" aria-expanded={memoOpen} aria-controls={memoId} onClick={() => setMemoOpen((o) => !o)}>
                  {memoOpen ? 'Hide memo' : 'Show memo'}
                </button>
                <div id={memoId} hidden={!memoOpen}>
                  {memoOpen && <MemoView
                      value={r.memo ?? r.memoText}
                      headingOffset={2}
                      className={styles.memoFull}
                      mentionHref={(id) => (byId.has(id) ? `/projects/${projectId}/codes/${id}` : null)}
                    />}
                </div>
              </div>
            ) : (
              <p className={styles.muted}>No memo.</p>
            )}
            {r.evidenceCodingIds.length > 0 ? (
              <div>
                <button
                  type="button"
                  className="btn-link btn"
                  aria-expanded={evidenceOpen}
                  aria-controls={evidenceId}
                  onClick={() => setEvidenceOpen((o) => !o)}
                  data-testid="relation-evidence-toggle"
                >
                  {plural(r.evidenceCodingIds.length, 'evidence segment', 'evidence segments')}
                </button>
                <ul id={evidenceId} className={styles.evidenceList} hidden={!evidenceOpen}>
                  {evidenceOpen &&
                    evidence.map((e) => (
                      <li key={e.codingId} className={styles.excerpt}>
                        <Link href={`/projects/${projectId}/sources/${e.sourceId}?coding=${e.codingId}`} className={styles.excerptMeta}>
                          {e.sourceTitle} · {codeTitle({ label: e.codeLabel, name: e.codeName })}
                        </Link>
                        <blockquote className={styles.excerptText}>{e.text}</blockquote>
                      </li>
                    ))}
                </ul>
              </div>
            ) : (
              <p className={styles.muted}>No evidence cited.</p>
            )}
            <CommentToggle projectId={projectId} target={{ type: 'relation', id: r.id }} anchorId={`relation-${r.id}`} />
          </div>

          {canEdit && mode === 'view' && (
            <div className={styles.rowActions}>
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => setMode('edit')}>
                Edit
              </button>
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => setMode('delete')}>
                Delete
              </button>
            </div>
          )}
          {canEdit && mode === 'delete' && (
            <div className={styles.confirm} role="group" aria-label="Confirm deletion">
              <p>Delete this relation? Its memo and evidence links go with it; the coded segments stay.</p>
              <div className={styles.rowActions}>
                <button type="button" className="btn btn-danger btn-sm" onClick={remove} disabled={busy}>
                  {busy ? 'Deleting…' : 'Delete relation'}
                </button>
                <button type="button" className="btn btn-secondary btn-sm" onClick={() => setMode('view')} disabled={busy}>
                  Cancel
                </button>
              </div>
            </div>
          )}
        </>
      )}
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** A memo stored only as plain text, as a document the editor can load (null when none or unreadable). */
function legacyMemo(text: string): MemoDoc | null {
  if (!text.trim()) return null;
  try {
    return plainTextToMemo(text);
  } catch {
    return null;
  }
}
