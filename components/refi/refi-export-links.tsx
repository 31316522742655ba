/** Download links of the REFI-QDA exports (server component: plain links). */
export function RefiExportLinks({ projectId, codebookOnly = false }: { projectId: string; codebookOnly?: boolean }) {
  const base = `/api/projects/${encodeURIComponent(projectId)}/refi`;
  return (
    <>
      {!codebookOnly && (
        <a className="btn btn-secondary btn-sm" href={`${base}?format=qdpx`} download data-testid="refi-export-qdpx">
          Export project (.qdpx)
        </a>
      )}
      <a className="btn btn-secondary btn-sm" href={`${base}?format=qdc`} download data-testid="refi-export-qdc">
        Export codebook (.qdc)
      </a>
    </>
  );
}
