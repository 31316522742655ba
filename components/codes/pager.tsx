import Link from 'next/link';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "1–50 of 8,727": the shown range of a paginated list (en-US thousands separators). */
export function rangeText(offset: number, shown: number, total: number): string {
  if (total === 0) return '0';
  return `${integer.format(offset + 1)}–${integer.format(offset + shown)} of ${integer.format(total)}`;
}

/**
 * Previous/next links between the pages of a server-paginated list, and the range shown
 * ("Coded segments 51–100 of 8,727"). Renders only the range when everything fits on one page.
 */
export function Pager(props: {
  /** What the list holds, shown before the range: "Coded segments". */
  noun: string;
  /** Accessible name of the navigation landmark: "Pages of coded segments". */
  label: string;
  page: number;
  pageCount: number;
  offset: number;
  shown: number;
  total: number;
  /** The URL of a page (1-based). */
  href: (page: number) => string;
}) {
  const { page, pageCount } = props;
  return (
    <nav className="pager" aria-label={props.label}>
      <span className="pager-range" data-testid="pager-range">
        {props.noun} {rangeText(props.offset, props.shown, props.total)}
      </span>
      {pageCount > 1 && (
        <span className="pager-links">
          {page > 1 ? (
            <>
              <Link href={props.href(1)} prefetch={false} aria-label="First page">
                « First
              </Link>
              <Link href={props.href(page - 1)} prefetch={false} rel="prev">
                ‹ Previous
              </Link>
            </>
          ) : (
            <span className="muted" aria-hidden="true">
              ‹ Previous
            </span>
          )}
          <span className="muted">
            Page {integer.format(page)} of {integer.format(pageCount)}
          </span>
          {page < pageCount ? (
            <>
              <Link href={props.href(page + 1)} prefetch={false} rel="next">
                Next ›
              </Link>
              <Link href={props.href(pageCount)} prefetch={false} aria-label="Last page">
                Last »
              </Link>
            </>
          ) : (
            <span className="muted" aria-hidden="true">
              Next ›
            </span>
          )}
        </span>
      )}
    </nav>
  );
}

/** A positive integer page number from a search parameter, else 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}
