import { SOURCE_KIND_LABELS, SOURCE_KINDS } from '@/lib/sources/kinds';

type SelectProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'children'> & { label: string; id: string };

/** The source-kind field (interview, literature, …), optionally with "Detect from file". */
export function KindSelect({ label, id, withAuto, ...select }: SelectProps & { withAuto?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {withAuto && <option value="auto">Detect from file</option>}
        {SOURCE_KINDS.map((k) => (
          <option key={k} value={k}>
            {SOURCE_KIND_LABELS[k]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The folder field: "No folder" or one of the project's folders. */
export function FolderSelect({ label, id, folders, className, ...select }: SelectProps & { folders: ReadonlyArray<{ id: string; name: string }> }) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        <option value="">No folder</option>
        {folders.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </div>
  );
}
