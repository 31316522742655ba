'use client';

import { useCallback } from 'react';

import { saveNetworkPositionsAction } from '@/app/(app)/projects/[projectId]/hierarchy/actions';
import type { NetworkCodeInput } from '@/lib/coding/network';
import type { EvidenceExcerpt } from '@/lib/coding/relations';

import { CodeNetwork, type NodePosition } from './code-network';
import { RelationPanel, type PanelRelation } from './relation-panel';
import styles from './relation-panel.module.css';

/** Props of {@link NetworkView}: plain data from the network page. */
export interface NetworkViewProps {
  projectId: string;
  /** The project's codes (all levels) with their saved network positions. */
  codes: NetworkCodeInput[];
  relations: PanelRelation[];
  /** Rolled-up distinct segments per code id. */
  segments: Record<string, number>;
  /** Excerpts of the codings cited as evidence, by coding id. */
  excerpts: Record<string, EvidenceExcerpt>;
  /** Owners and coders: positions are saved, relations can be added, edited and deleted. */
  canEdit: boolean;
  /** Stem of exported image names (the project's name). */
  exportName?: string;
}

/**
 * Axial coding, drawn and listed: the code network (positions saved as codes are dragged) and,
 * below it, the relations with their memos and evidence and the form that adds one.
 */
export function NetworkView({ projectId, codes, relations, segments, excerpts, canEdit, exportName }: NetworkViewProps) {
  const savePositions = useCallback(
    async (positions: NodePosition[]) => {
      const result = await saveNetworkPositionsAction(projectId, { positions });
      if (!result.ok) throw new Error(result.message);
    },
    [projectId],
  );
  return (
    <div className={styles.view}>
      <CodeNetwork projectId={projectId} codes={codes} relations={relations} segments={segments} canEdit={canEdit} onSavePositions={savePositions} exportName={exportName} />
      <RelationPanel projectId={projectId} codes={codes} relations={relations} excerpts={excerpts} canEdit={canEdit} />
    </div>
  );
}
