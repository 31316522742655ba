import { z } from 'zod';

import { normalizeEmail } from '../auth/email';
import { ROLES } from '../auth/roles';

export const ZCreateProjectSchema = z.object({
  name: z.string().trim().min(1, 'Give the project a name.').max(120, 'Use at most 120 characters.'),
  description: z.string().trim().max(2000, 'Use at most 2,000 characters.').default(''),
});
export type TCreateProject = z.infer<typeof ZCreateProjectSchema>;

/** Label prefix of core categories (concepts are C…, categories B…, main categories A…). */
export const ZCorePrefix = z
  .string()
  .trim()
  .min(1, 'Give core categories a label prefix.')
  .max(8, 'Use at most 8 characters.')
  .regex(/^\D*$/, 'A prefix has no digits.')
  .refine((p) => !['C', 'B', 'A'].includes(p), { message: 'C, B and A number concepts, categories and main categories; choose another prefix.' });

/** The settings form: name, description and the core-category prefix. */
export const ZProjectSettingsSchema = ZCreateProjectSchema.extend({ corePrefix: ZCorePrefix });

export const ZUpdateProjectSchema = ZProjectSettingsSchema.partial().refine((v) => v.name !== undefined || v.description !== undefined || v.corePrefix !== undefined, {
  message: 'Nothing to update.',
});
export type TUpdateProject = z.infer<typeof ZUpdateProjectSchema>;

const ZRole = z.enum(ROLES, { message: 'Choose a role: owner, coder, reviewer or viewer.' });

export const ZInviteMemberSchema = z.object({
  email: z.string().trim().email('Enter a valid email address.').transform(normalizeEmail),
  role: ZRole,
});
export type TInviteMember = z.infer<typeof ZInviteMemberSchema>;

export const ZUpdateMemberSchema = z.object({ role: ZRole });
export type TUpdateMember = z.infer<typeof ZUpdateMemberSchema>;
