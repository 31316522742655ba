'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition, type DragEvent } from 'react';

import {
  createCodeAtLevelAction,
  deleteHierarchyCodeAction,
  groupCodesAction,
  mergeCodesAction,
  moveCodesAction,
  renumberLabelsAction,
  updateHierarchyCodeAction,
} from '@/app/(app)/projects/[projectId]/hierarchy/actions';
import { CodeLinkBadges } from '@/components/mixed/link-badges';
import { LinkToSurveyButton } from '@/components/mixed/link-dialog';
import { indexHierarchy, orderCodes } from '@/lib/coding/hierarchy';
import { CODE_LEVELS, LEVEL_NAME, LEVEL_PLURAL, type CodeLevel } from '@/lib/coding/hierarchy-types';
import type { ActionResult } from '@/lib/coding/workbench-types';
import type { LinkedConstructs } from '@/lib/io/export/linked-constructs';

import styles from './hierarchy-outline.module.css';

export interface OutlineCode {
  id: string;
  label: string;
  name: string;
  level: CodeLevel;
  parentId: string | null;
  color: string;
  segments: number;
  sources: number;
  directCodings: number;
}

type Status = { kind: 'ok' | 'error'; text: string; undo?: () => void } | null;
type Pending =
  | { kind: 'merge'; from: OutlineCode; into: OutlineCode }
  | { kind: 'delete'; code: OutlineCode; children: number }
  | { kind: 'renumber'; changes: Array<{ id: string; from: string; to: string }> }
  | null;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const title = (c: OutlineCode) => `${c.label ? `${c.label} ` : ''}${c.name}`;

/**
 * The hierarchy editor: core → main → category → concept as a nested outline. Drag a code onto
 * a code one level up to place it (or onto an "unplaced" section to take it out; every move
 * can be undone), select codes to group them under a new parent, move, merge or delete them
 * (merges and deletes are confirmed with what goes with them), rename and relabel in place,
 * and renumber labels on request (previewed first). Codes linked to survey constructs show a
 * badge per link (with its key figures); owners and coders link and unlink from each row.
 */
export function HierarchyOutline({ projectId, codes, canEdit, links = {} }: { projectId: string; codes: OutlineCode[]; canEdit: boolean; links?: LinkedConstructs }) {
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const tree = useMemo(() => indexHierarchy(codes), [codes]);
  const byId = tree.byId;
  const children = tree.childrenOf;
  const unplaced = (level: CodeLevel) => tree.roots[level];
  const selectedCodes = [...selected].map((id) => byId.get(id)).filter((c): c is OutlineCode => Boolean(c));
  const sameLevel = selectedCodes.length > 0 && selectedCodes.every((c) => c.level === selectedCodes[0].level) ? selectedCodes[0].level : null;

  function run<T>(action: () => Promise<ActionResult<T>>, done: (value: T) => Status) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        // A change collected in the user's proposal is news, not a failure (the banner updates).
        setStatus({ kind: result.proposed ? 'ok' : 'error', text: result.message });
        if (result.proposed) router.refresh();
        return;
      }
      setStatus(done(result.value));
      router.refresh();
    });
  }

  /** Moves codes (one drag, or a selection) in one request, with one Undo for all of them. */
  function move(list: OutlineCode[], parentId: string | null) {
    const moving = list.filter((c) => c.parentId !== parentId);
    if (moving.length === 0) return;
    const target = parentId ? byId.get(parentId) : null;
    const what = moving.length === 1 ? title(moving[0]) : plural(moving.length, LEVEL_NAME[moving[0].level], LEVEL_PLURAL[moving[0].level]);
    run(
      () => moveCodesAction(projectId, { moves: moving.map((c) => ({ codeId: c.id, parentId })) }),
      (value) => ({
        kind: 'ok',
        text: target ? `Moved ${what} into ${title(target)}.` : `Took ${what} out of ${moving.length === 1 ? 'its' : 'their'} ${LEVEL_NAME[(moving[0].level + 1) as CodeLevel]}.`,
        undo: () =>
          run(
            () => moveCodesAction(projectId, { moves: value.previous }),
            () => ({ kind: 'ok', text: `Undone: ${what} ${moving.length === 1 ? 'is' : 'are'} back where ${moving.length === 1 ? 'it was' : 'they were'}.` }),
          ),
      }),
    );
  }

  function onDrop(event: DragEvent, parentId: string | null, level: CodeLevel) {
    event.preventDefault();
    setDropTarget(null);
    const code = byId.get(event.dataTransfer.getData('text/x-groundwork-code'));
    if (!code) return;
    if (code.level !== level) {
      setStatus({ kind: 'error', text: `${title(code)} is a ${LEVEL_NAME[code.level]}: drop it on a ${LEVEL_NAME[(code.level + 1) as CodeLevel] ?? 'code one level up'}.` });
      return;
    }
    move([code], parentId);
  }

  const dropProps = (key: string, parentId: string | null, level: CodeLevel) =>
    canEdit
      ? {
          // stopPropagation: a row inside an "unplaced" section is a drop target of its own.
          onDragOver: (e: DragEvent) => {
            e.preventDefault();
            e.stopPropagation();
            setDropTarget(key);
          },
          onDragLeave: () => setDropTarget((t) => (t === key ? null : t)),
          onDrop: (e: DragEvent) => {
            e.stopPropagation();
            onDrop(e, parentId, level);
          },
        }
      : {};

  function toggle(id: string) {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function renderCode(code: OutlineCode, depth: number) {
    const kids = children.get(code.id) ?? [];
    const isEditing = editing === code.id;
    const codeLinks = links[code.id] ?? [];
    return (
      <li key={code.id} className={styles.item} data-code-id={code.id} data-level={code.level}>
        <div
          className={`${styles.row} ${dropTarget === code.id ? styles.dropTarget : ''}`}
          style={{ paddingLeft: `${0.5 + depth * 1.5}rem` }}
          draggable={canEdit && !isEditing}
          onDragStart={(e) => {
            e.dataTransfer.setData('text/x-groundwork-code', code.id);
            e.dataTransfer.effectAllowed = 'move';
          }}
          {...(code.level > 1 ? dropProps(code.id, code.id, (code.level - 1) as CodeLevel) : {})}
        >
          {canEdit && (
            <input type="checkbox" aria-label={`Select ${title(code)}`} checked={selected.has(code.id)} onChange={() => toggle(code.id)} />
          )}
          <span className={styles.swatch} style={{ background: code.color }} aria-hidden="true" />
          {isEditing ? (
            <RenameForm
              code={code}
              onCancel={() => setEditing(null)}
              onSave={(input) => {
                setEditing(null);
                run(() => updateHierarchyCodeAction(projectId, code.id, input), () => ({ kind: 'ok', text: `Saved ${input.label} ${input.name}.` }));
              }}
            />
          ) : (
            <>
              <span className={styles.label} data-testid="code-label">
                {code.label || '—'}
              </span>
              <Link href={`/projects/${projectId}/codes/${code.id}`} className={styles.name}>
                {code.name}
              </Link>
              <span className={styles.level}>{LEVEL_NAME[code.level]}</span>
              <span className={styles.counts} title="Distinct coded segments in this code and everything below it; sources counted once">
                {plural(code.segments, 'segment', 'segments')} · {plural(code.sources, 'source', 'sources')}
              </span>
              {canEdit && (
                <button type="button" className="btn-link" onClick={() => setEditing(code.id)} aria-label={`Rename ${title(code)}`}>
                  Rename
                </button>
              )}
              {canEdit && <LinkToSurveyButton projectId={projectId} code={code} className={`btn-link ${styles.linkAction}`} />}
            </>
          )}
        </div>
        {codeLinks.length > 0 && (
          <CodeLinkBadges
            projectId={projectId}
            codeTitle={title(code)}
            links={codeLinks}
            canEdit={canEdit}
            style={{ paddingLeft: `${0.5 + depth * 1.5 + (canEdit ? 6.2 : 4.85)}rem`, paddingBottom: '0.3rem' }}
          />
        )}
        {kids.length > 0 && <ul className={styles.list}>{kids.map((k) => renderCode(k, depth + 1))}</ul>}
      </li>
    );
  }

  return (
    <div className={styles.outline}>
      {canEdit && (
        <Toolbar
          busy={busy}
          codes={codes}
          selected={selectedCodes}
          sameLevel={sameLevel}
          onCreate={(input) =>
            run(() => createCodeAtLevelAction(projectId, input), (v) => ({ kind: 'ok', text: `Added ${v.label} ${input.name}.` }))
          }
          onGroup={(name) => {
            const grouped = selectedCodes.map((c) => ({ codeId: c.id, parentId: c.parentId }));
            run(
              () => groupCodesAction(projectId, { codeIds: grouped.map((g) => g.codeId), name }),
              (v) => {
                setSelected(new Set());
                return {
                  kind: 'ok',
                  text: `Created ${v.label} ${name} from ${plural(grouped.length, LEVEL_NAME[sameLevel!], LEVEL_PLURAL[sameLevel!])}.`,
                  // Undo: the codes go back to their parents, and the new (still empty) code goes.
                  undo: () =>
                    run(
                      async () => {
                        const back = await moveCodesAction(projectId, { moves: grouped });
                        return back.ok ? deleteHierarchyCodeAction(projectId, v.id) : back;
                      },
                      () => ({ kind: 'ok', text: `Undone: ${v.label} ${name} removed, its codes are back where they were.` }),
                    ),
                };
              },
            );
          }}
          onMove={(parentId) => {
            move(selectedCodes, parentId);
            setSelected(new Set());
          }}
          onMerge={(from, into) => setPending({ kind: 'merge', from, into })}
          onDelete={(code) => setPending({ kind: 'delete', code, children: children.get(code.id)?.length ?? 0 })}
          onRenumber={() =>
            startTransition(async () => {
              const result = await renumberLabelsAction(projectId, { dryRun: true });
              if (!result.ok) setStatus({ kind: 'error', text: result.message });
              else if (result.value.length === 0) setStatus({ kind: 'ok', text: 'Labels already follow the hierarchy: nothing to renumber.' });
              else setPending({ kind: 'renumber', changes: result.value });
            })
          }
        />
      )}
      {pending && (
        <Confirm
          pending={pending}
          byId={byId}
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const p = pending;
            setPending(null);
            setSelected(new Set());
            if (p.kind === 'merge') {
              run(
                () => mergeCodesAction(projectId, { fromId: p.from.id, intoId: p.into.id }),
                (v) => ({
                  kind: 'ok',
                  text: `Merged ${title(p.from)} into ${title(p.into)}: ${plural(v.codingsMoved, 'coding', 'codings')} moved, ${plural(v.duplicatesCollapsed, 'duplicate', 'duplicates')} collapsed.`,
                }),
              );
            } else if (p.kind === 'delete') {
              run(() => deleteHierarchyCodeAction(projectId, p.code.id), (v) => ({ kind: 'ok', text: `Deleted ${title(p.code)} with ${plural(v.codingsDeleted, 'coding', 'codings')}.` }));
            } else {
              run(() => renumberLabelsAction(projectId, { dryRun: false }), (v) => ({ kind: 'ok', text: `Renumbered ${plural(v.length, 'label', 'labels')}.` }));
            }
          }}
        />
      )}
      <p role="status" aria-live="polite" className={status?.kind === 'error' ? `${styles.status} ${styles.error}` : styles.status}>
        {status?.text}
        {status?.undo && (
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => {
              const undo = status.undo!;
              setStatus(null);
              undo();
            }}
          >
            Undo
          </button>
        )}
      </p>
      {codes.length === 0 ? (
        <div className="card empty">No codes yet. Code some text in a source, or add a code above.</div>
      ) : (
        <>
          <Section title="Core categories" level={4} codes={unplaced(4)} render={renderCode} />
          {([3, 2, 1] as const).map((level) => {
            const list = unplaced(level);
            if (list.length === 0 && !canEdit) return null;
            const key = `unplaced-${level}`;
            return (
              <section key={level} className={`${styles.section} ${dropTarget === key ? styles.dropTarget : ''}`} {...dropProps(key, null, level)} data-testid={key}>
                <h2 className={styles.sectionTitle}>
                  {level === 1 ? 'Concepts' : level === 2 ? 'Categories' : 'Main categories'} not yet in a {LEVEL_NAME[(level + 1) as CodeLevel]}{' '}
                  <span className="muted">({list.length})</span>
                </h2>
                {list.length === 0 ? <p className={styles.hint}>Drop a {LEVEL_NAME[level]} here to take it out of its {LEVEL_NAME[(level + 1) as CodeLevel]}.</p> : <ul className={styles.list}>{list.map((c) => renderCode(c, 0))}</ul>}
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}

function Section({ title: heading, codes, render }: { title: string; level: CodeLevel; codes: OutlineCode[]; render: (c: OutlineCode, depth: number) => React.ReactNode }) {
  return (
    <section className={styles.section} data-testid="core-section">
      <h2 className={styles.sectionTitle}>
        {heading} <span className="muted">({codes.length})</span>
      </h2>
      {codes.length === 0 ? (
        <p className={styles.hint}>No core category yet. Select main categories and group them, or add one above.</p>
      ) : (
        <ul className={styles.list}>{codes.map((c) => render(c, 0))}</ul>
      )}
    </section>
  );
}

function RenameForm({ code, onSave, onCancel }: { code: OutlineCode; onSave: (input: { label: string; name: string }) => void; onCancel: () => void }) {
  const [label, setLabel] = useState(code.label);
  const [name, setName] = useState(code.name);
  return (
    <form
      className={styles.renameForm}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ label, name });
      }}
    >
      <input className={styles.labelInput} aria-label="Label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={20} />
      <input aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required autoFocus />
      <button type="submit" className="btn btn-sm">
        Save
      </button>
      <button type="button" className="btn btn-secondary btn-sm" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function Toolbar(props: {
  busy: boolean;
  codes: OutlineCode[];
  selected: OutlineCode[];
  sameLevel: CodeLevel | null;
  onCreate: (input: { name: string; level: CodeLevel }) => void;
  onGroup: (name: string) => void;
  onMove: (parentId: string | null) => void;
  onMerge: (from: OutlineCode, into: OutlineCode) => void;
  onDelete: (code: OutlineCode) => void;
  onRenumber: () => void;
}) {
  const { selected, sameLevel } = props;
  const [newName, setNewName] = useState('');
  const [newLevel, setNewLevel] = useState<CodeLevel>(2);
  const [groupName, setGroupName] = useState('');
  const up = sameLevel && sameLevel < 4 ? ((sameLevel + 1) as CodeLevel) : null;
  const parents = up ? orderCodes(props.codes.filter((c) => c.level === up)) : [];
  return (
    <div className={styles.toolbar}>
      <form
        className={styles.toolGroup}
        onSubmit={(e) => {
          e.preventDefault();
          if (!newName.trim()) return;
          props.onCreate({ name: newName, level: newLevel });
          setNewName('');
        }}
      >
        <label className={styles.toolLabel}>
          New
          <select value={newLevel} onChange={(e) => setNewLevel(Number(e.target.value) as CodeLevel)} aria-label="Level of the new code">
            {CODE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_NAME[l]}
              </option>
            ))}
          </select>
        </label>
        <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="Name" aria-label="Name of the new code" maxLength={200} />
        <button type="submit" className="btn btn-secondary btn-sm" disabled={props.busy}>
          Add
        </button>
      </form>
      <button type="button" className="btn btn-secondary btn-sm" onClick={props.onRenumber} disabled={props.busy}>
        Renumber labels…
      </button>
      <div className={`${styles.toolGroup} ${styles.selectionGroup}`} aria-label="Selection" role="group">
        <span className="muted">{selected.length === 0 ? 'Select codes to group, move, merge or delete them.' : `${selected.length} selected`}</span>
        {selected.length > 0 && !sameLevel && <span className={styles.errorText}>Select codes of one level.</span>}
        {up && (
          <form
            className={styles.inline}
            onSubmit={(e) => {
              e.preventDefault();
              if (!groupName.trim()) return;
              props.onGroup(groupName);
              setGroupName('');
            }}
          >
            <input value={groupName} onChange={(e) => setGroupName(e.target.value)} placeholder={`New ${LEVEL_NAME[up]} name`} aria-label={`Name of the new ${LEVEL_NAME[up]}`} maxLength={200} />
            <button type="submit" className="btn btn-sm" disabled={props.busy}>
              Group into new {LEVEL_NAME[up]}
            </button>
          </form>
        )}
        {up && parents.length > 0 && (
          <select
            aria-label={`Move into ${LEVEL_NAME[up]}`}
            value=""
            onChange={(e) => {
              if (e.target.value) props.onMove(e.target.value === '-' ? null : e.target.value);
            }}
          >
            <option value="">Move into…</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {title(p)}
              </option>
            ))}
            <option value="-">(no {LEVEL_NAME[up]})</option>
          </select>
        )}
        {selected.length === 2 && sameLevel && (
          <>
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => props.onMerge(selected[0], selected[1])}>
              Merge {selected[0].label || selected[0].name} into {selected[1].label || selected[1].name}
            </button>
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => props.onMerge(selected[1], selected[0])}>
              Merge {selected[1].label || selected[1].name} into {selected[0].label || selected[0].name}
            </button>
          </>
        )}
        {selected.length === 1 && (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => props.onDelete(selected[0])}>
            Delete…
          </button>
        )}
      </div>
    </div>
  );
}

function Confirm({ pending, byId, busy, onCancel, onConfirm }: { pending: NonNullable<Pending>; byId: Map<string, OutlineCode>; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  let heading: string;
  let body: React.ReactNode;
  if (pending.kind === 'merge') {
    heading = `Merge ${title(pending.from)} into ${title(pending.into)}?`;
    body = (
      <p>
        Its {plural(pending.from.directCodings, 'coding', 'codings')} move to {title(pending.into)} (exact duplicates collapse into one, their memos joined), its memos and
        definition are added to {title(pending.into)}&rsquo;s, what sits under it and its relations move along (a relation {title(pending.into)} already has
        takes its memo and evidence), mentions of it now name {title(pending.into)}, and {title(pending.from)} is deleted.
      </p>
    );
  } else if (pending.kind === 'delete') {
    heading = `Delete ${title(pending.code)}?`;
    body = (
      <p>
        {plural(pending.code.directCodings, 'coding', 'codings')}, its memos and its relations will be deleted with it
        {pending.children > 0 ? `; its ${plural(pending.children, LEVEL_NAME[(pending.code.level - 1) as CodeLevel], LEVEL_PLURAL[(pending.code.level - 1) as CodeLevel])} stay, without a ${LEVEL_NAME[pending.code.level]}` : ''}.
        Mentions of it in the storyline and memos become plain text. This cannot be undone.
      </p>
    );
  } else {
    heading = `Renumber ${plural(pending.changes.length, 'label', 'labels')}?`;
    body = (
      <>
        <p>Labels will follow the hierarchy table from the first core category down:</p>
        <ul className={styles.changes}>
          {pending.changes.slice(0, 40).map((c) => (
            <li key={c.id}>
              {c.from || '—'} → <strong>{c.to}</strong> {byId.get(c.id)?.name}
            </li>
          ))}
          {pending.changes.length > 40 && <li>… and {pending.changes.length - 40} more</li>}
        </ul>
      </>
    );
  }
  return (
    <div className={`card ${styles.confirm}`} role="alertdialog" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{heading}</h2>
      {body}
      <div className="row">
        <button type="button" className={pending.kind === 'delete' ? 'btn btn-danger' : 'btn'} onClick={onConfirm} disabled={busy}>
          {pending.kind === 'merge' ? 'Merge' : pending.kind === 'delete' ? 'Delete' : 'Renumber'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </div>
  );
}
