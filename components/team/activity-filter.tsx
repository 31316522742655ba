import { AUDIT_TYPE_GROUP_LABELS, AUDIT_TYPE_GROUPS, type AuditTypeGroup } from '@/lib/team/audit';

/**
 * The feed's filters: a plain GET form (works without JavaScript; the URL can be shared), by
 * member and by type group.
 */
export function ActivityFilter(props: { action: string; members: Array<{ id: string; name: string }>; actorId: string | null; group: AuditTypeGroup | null }) {
  return (
    <form method="get" action={props.action} className="row codebook-filter" aria-label="Filter activity">
      <div className="field">
        <label htmlFor="activity-member">Member</label>
        <select id="activity-member" name="member" defaultValue={props.actorId ?? ''}>
          <option value="">Everyone</option>
          {props.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="activity-type">Type</label>
        <select id="activity-type" name="type" defaultValue={props.group ?? ''}>
          <option value="">All changes</option>
          {AUDIT_TYPE_GROUPS.map((g) => (
            <option key={g} value={g}>
              {AUDIT_TYPE_GROUP_LABELS[g]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-secondary btn-sm">
        Filter
      </button>
      {(props.actorId || props.group) && (
        <a href={props.action} className="btn-link btn btn-sm">
          Clear filters
        </a>
      )}
    </form>
  );
}
