import { Fragment, type ReactNode } from 'react';

import {
  isMemoEmpty,
  isSafeMemoHref,
  mentionText,
  plainTextToMemo,
  ZMemoDoc,
  type MemoBlock,
  type MemoDoc,
  type MemoInline,
  type MemoMark,
  type MemoMention,
} from '@/lib/coding/memo';

import styles from './memo.module.css';

/** Props of {@link MemoView}. */
export type MemoViewProps = {
  /** A stored memo: a memo document, or a plain string (a legacy plain-text memo). */
  value: unknown;
  /**
   * How many levels to push memo headings down, so they fit under the page's own headings: a
   * memo's level-2 heading renders as `<h{2 + headingOffset}>` (capped at h6). Default 2 (h4, h5).
   */
  headingOffset?: number;
  /** Shown when the memo is empty; nothing by default. */
  emptyText?: string;
  /** Extra class on the wrapper. */
  className?: string;
  /**
   * Where a mention links to, e.g. `(id) => (codeIds.has(id) ? '/projects/p1/codes/' + id : null)`;
   * null (or no function) renders the mention as a pill without a link (a code since deleted,
   * say). Only same-site paths (`/…`, `?…`, `#…`) and the memo's safe absolute links are used;
   * anything else renders as no link.
   */
  mentionHref?: (id: string) => string | null;
};

/**
 * A memo, read-only. The document is validated with `ZMemoDoc` and mapped node by node to
 * React elements — never through `dangerouslySetInnerHTML` or the editor's HTML serializer — so
 * a stored memo can only ever produce the elements listed here, and its text is always text
 * (React escapes it): a `<script>` typed into a memo shows as "<script>".
 *
 * Links open in a new tab with `rel="noopener noreferrer nofollow ugc"`; the stored `target`,
 * `rel`, `class` and `title` are ignored, and the `href` is checked again before rendering.
 * Mentions render as `@label` pills — links (`<a data-mention-id>`, same tab) when
 * `mentionHref` gives an address for the id.
 * A value that is not a valid memo renders a short notice instead of any of its content.
 *
 * @param props - see {@link MemoViewProps}.
 * @returns the memo's blocks in a `<div>`.
 * @example
 * <MemoView value={memo.body} emptyText="No memo yet." />
 */
export function MemoView({ value, headingOffset = 2, emptyText, className, mentionHref }: MemoViewProps) {
  const doc = toDoc(value);
  const classes = [styles.view, className].filter(Boolean).join(' ');
  if (doc === null) {
    return (
      <div className={classes}>
        <p className={styles.invalid}>This memo cannot be displayed.</p>
      </div>
    );
  }
  if (emptyText && isMemoEmpty(doc)) {
    return (
      <div className={classes}>
        <p className={styles.emptyText}>{emptyText}</p>
      </div>
    );
  }
  return <div className={classes}>{renderBlocks(doc.content, { headingOffset, mentionHref })}</div>;
}

type RenderOptions = { headingOffset: number; mentionHref?: (id: string) => string | null };

function toDoc(value: unknown): MemoDoc | null {
  if (value === null || value === undefined) return { type: 'doc', content: [{ type: 'paragraph' }] };
  if (typeof value === 'string') {
    try {
      return plainTextToMemo(value);
    } catch {
      return null;
    }
  }
  const parsed = ZMemoDoc.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function renderBlocks(blocks: readonly MemoBlock[], options: RenderOptions): ReactNode[] {
  return blocks.map((block, i) => renderBlock(block, i, options));
}

function renderBlock(block: MemoBlock, key: number, options: RenderOptions): ReactNode {
  switch (block.type) {
    case 'paragraph':
      // An empty paragraph keeps its line, as it did in the editor.
      return <p key={key}>{block.content?.length ? renderInline(block.content, options) : <br />}</p>;
    case 'heading': {
      const level = Math.min(6, Math.max(1, block.attrs.level + options.headingOffset));
      const Tag = `h${level}` as 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
      return (
        <Tag key={key} className={styles.heading}>
          {renderInline(block.content ?? [], options)}
        </Tag>
      );
    }
    case 'bulletList':
      return <ul key={key}>{block.content.map((item, i) => <li key={i}>{renderBlocks(item.content, options)}</li>)}</ul>;
    case 'orderedList': {
      const start = block.attrs?.start ?? 1;
      const type = block.attrs?.type ?? undefined;
      return (
        <ol key={key} start={start === 1 ? undefined : start} type={type}>
          {block.content.map((item, i) => <li key={i}>{renderBlocks(item.content, options)}</li>)}
        </ol>
      );
    }
    case 'blockquote':
      return <blockquote key={key}>{renderBlocks(block.content, options)}</blockquote>;
    default:
      // Unreachable for a validated memo; render nothing rather than guess.
      return null;
  }
}

function renderInline(nodes: readonly MemoInline[], options: RenderOptions): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === 'hardBreak') return <br key={i} />;
    let out: ReactNode;
    let marks = node.marks ?? [];
    if (node.type === 'mention') {
      const href = mentionAddress(node, options.mentionHref);
      out = renderMention(node, href);
      // A link inside a link is invalid HTML: the mention's own link wins.
      if (href !== null) marks = marks.filter((m) => m.type !== 'link');
    } else {
      out = node.text;
    }
    // Innermost first: italic inside bold inside link, as ProseMirror orders these marks.
    for (const mark of sortMarks(marks)) out = wrap(mark, out);
    return <Fragment key={i}>{out}</Fragment>;
  });
}

/**
 * The caller's address for a mention, if it is one we may render: a same-site path, query or
 * fragment (`/…` but not `//…`, `?…`, `#…`) or a safe absolute link ({@link isSafeMemoHref}).
 */
function mentionAddress(node: MemoMention, mentionHref: RenderOptions['mentionHref']): string | null {
  const href = mentionHref?.(node.attrs.id);
  if (typeof href !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  if (/^(\/(?![/\\])|[?#])/.test(href) && !/[\u0000-\u001f\u007f]/.test(href)) return href;
  return isSafeMemoHref(href) ? href : null;
}

function renderMention(node: MemoMention, href: string | null): ReactNode {
  // The label is text: React escapes it.
  const label = mentionText(node);
  if (href === null) {
    return (
      <span className={styles.mention} data-mention-id={node.attrs.id}>
        {label}
      </span>
    );
  }
  return (
    <a href={href} className={styles.mention} data-mention-id={node.attrs.id}>
      {label}
    </a>
  );
}

const MARK_ORDER: Record<MemoMark['type'], number> = { italic: 0, bold: 1, link: 2 };

function sortMarks(marks: readonly MemoMark[]): MemoMark[] {
  return [...marks].sort((a, b) => MARK_ORDER[a.type] - MARK_ORDER[b.type]);
}

function wrap(mark: MemoMark, children: ReactNode): ReactNode {
  switch (mark.type) {
    case 'bold':
      return <strong>{children}</strong>;
    case 'italic':
      return <em>{children}</em>;
    case 'link':
      // Checked again here: the view must be safe even if a caller skipped validation upstream.
      if (!isSafeMemoHref(mark.attrs.href)) return children;
      return (
        <a href={mark.attrs.href} target="_blank" rel="noopener noreferrer nofollow ugc" className={styles.link}>
          {children}
        </a>
      );
    default:
      return children;
  }
}
