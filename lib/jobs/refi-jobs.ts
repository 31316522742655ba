/**
 * REFI-QDA jobs for the worker threads: packing a project into a .qdpx (XML + zip of every
 * source text) and reading an uploaded .qdpx/.qdc into an import plan and its preview. Both are
 * CPU-bound on research-size projects; the request thread only reads and writes rows.
 * A refused file (RefiError) becomes AppError INVALID_INPUT with the reader's message.
 */
import { AppError } from '../errors/app-error';
import { RefiError } from '../io/refi/errors';
import { toRefiCodebook, toRefiProject, type GwSnapshot } from '../io/refi/from-groundwork';
import { readQdc, readQdpx } from '../io/refi/parse';
import { codebookXml, packQdpx } from '../io/refi/serialize';
import { planImport, previewOf, type ImportOptions, type ImportPlan, type ImportPreview } from '../io/refi/to-groundwork';
import type { RefiCodebook } from '../io/refi/model';
import type { JobHandler } from './run-job';

function refused<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RefiError) throw new AppError('INVALID_INPUT', { message: `refi ${error.code}: ${error.message}`, userMessage: error.message });
    throw error;
  }
}

export const refiJobs = {
  /** A project snapshot → the .qdpx bytes. */
  refiPackProject: (async (input, progress) => {
    progress({ stage: 'writing' });
    return packQdpx(toRefiProject(input));
  }) as JobHandler<GwSnapshot, Uint8Array>,

  /** A codebook → the .qdc bytes. */
  refiPackCodebook: (async (input) => new TextEncoder().encode(codebookXml(toRefiCodebook(input)))) as JobHandler<Pick<GwSnapshot, 'codes'>, Uint8Array>,

  /** An uploaded .qdpx → the preview, and (with `plan: true`) the plan to store. */
  refiReadProject: (async (input, progress) => {
    progress({ stage: 'reading' });
    const parsed = refused(() => readQdpx(new Uint8Array(input.bytes)));
    progress({ stage: 'planning' });
    const plan = planImport(parsed, { ...input.options, countWords: input.plan });
    return { preview: previewOf(parsed, plan), plan: input.plan ? plan : null };
  }) as JobHandler<{ bytes: ArrayBuffer; options: ImportOptions; plan: boolean }, { preview: ImportPreview; plan: ImportPlan | null }>,

  /** An uploaded .qdc → its codes. */
  refiReadCodebook: (async (input) => refused(() => readQdc(new Uint8Array(input.bytes)))) as JobHandler<{ bytes: ArrayBuffer }, RefiCodebook>,
};
