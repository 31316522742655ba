/**
 * What REFI-QDA has no element for, carried in one project Note ({@link EXTENSION_NOTE_NAME},
 * referenced from the Project's NoteRef) as JSON. Project.xsd has no extension points
 * (no xsd:any), so a Note is the only place that validates; other tools show it as a memo.
 * Keys are the GUIDs of the exported elements.
 */
import { z } from 'zod';

export const EXTENSION_FORMAT = 'groundwork-refi/1';

const ZCodeExt = z.object({ level: z.number().int().min(1).max(4), label: z.string().max(40) });
const ZRelationExt = z.object({ type: z.string().max(60), customType: z.string().max(200).default(''), evidence: z.array(z.string()).default([]) });
const ZSourceExt = z.object({
  kind: z.string().max(40),
  format: z.string().max(20),
  fileName: z.string().max(500).nullable().default(null),
  authors: z.string().default(''),
  year: z.number().int().nullable().default(null),
  venue: z.string().default(''),
  interviewee: z.string().default(''),
  interviewDate: z.string().default(''),
  interviewer: z.string().default(''),
  structure: z.string().nullable().default(null),
  codingOrder: z.number().int().nullable().default(null),
  saturationTest: z.boolean().default(false),
});
const ZAttributeExt = z.object({ type: z.enum(['text', 'number', 'date', 'choice']), choices: z.array(z.string()).default([]) });

export const ZGroundworkExtension = z.object({
  format: z.literal(EXTENSION_FORMAT),
  project: z.object({
    description: z.string().default(''),
    language: z.string().max(35).default(''),
    corePrefix: z.string().max(10).default('CC'),
    storyline: z.string().default(''),
    storylineText: z.string().default(''),
  }),
  codes: z.record(z.string(), ZCodeExt).default({}),
  relations: z.record(z.string(), ZRelationExt).default({}),
  /** Memo note GUID → tiptap JSON body (the Note itself carries the plain text). */
  memos: z.record(z.string(), z.string()).default({}),
  sources: z.record(z.string(), ZSourceExt).default({}),
  attributes: z.record(z.string(), ZAttributeExt).default({}),
  /** Set GUIDs that are source folders, and the saturation test set. */
  folderSets: z.array(z.string()).default([]),
  saturationSet: z.string().nullable().default(null),
});

export type GroundworkExtension = z.infer<typeof ZGroundworkExtension>;
export type SourceExtension = z.infer<typeof ZSourceExt>;

/** Read the extension note's text; null when it is not ours or does not validate (then tools' defaults apply). */
export function readExtension(text: string): GroundworkExtension | null {
  try {
    const parsed = ZGroundworkExtension.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
