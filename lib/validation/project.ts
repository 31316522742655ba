import { z } from 'zod';

import { normalizeEmail } from '../auth/email';
import { ROLES } from '../auth/roles';
import { isProjectLanguage } from '../text/collation';
import { updateSchema, ZText } from './text';

/** Project names are compared and shown everywhere: one line, NFC. */
export const ZProjectName = ZText({ max: 120, required: 'Give the project a name.', singleLine: true, label: 'The name' });
const ZProjectDescription = ZText({ max: 2000, label: 'The description' });

export const ZCreateProjectSchema = z.object({
  name: ZProjectName,
  description: ZProjectDescription.default(''),
});
export type TCreateProject = z.infer<typeof ZCreateProjectSchema>;

/** Label prefix of core categories (concepts are C…, categories B…, main categories A…). */
export const ZCorePrefix = ZText({ max: 8, required: 'Give core categories a label prefix.', singleLine: true, label: 'The prefix' })
  .pipe(z.string().regex(/^\D*$/, 'A prefix has no digits.'))
  .refine((p) => !['C', 'B', 'A'].includes(p), { message: 'C, B and A number concepts, categories and main categories; choose another prefix.' });

/** The settings form: name, description and the core-category prefix (all sent together). */
/** The project's language for sorting code names (lib/text/collation.ts; '' = each reader's browser). */
const ZProjectLanguage = z.string().refine(isProjectLanguage, { message: 'Choose a language from the list.' });

export const ZProjectSettingsSchema = z.object({ name: ZProjectName, description: ZProjectDescription, corePrefix: ZCorePrefix, language: ZProjectLanguage.default('') });

/** PATCH: only the fields sent change; `{}` is refused. */
export const ZUpdateProjectSchema = updateSchema({ name: ZProjectName, description: ZProjectDescription, corePrefix: ZCorePrefix, language: ZProjectLanguage });
export type TUpdateProject = z.infer<typeof ZUpdateProjectSchema>;

const ZRole = z.enum(ROLES, { message: 'Choose a role: owner, coder, reviewer or viewer.' });

export const ZInviteMemberSchema = z.object({
  email: ZText({ max: 254, required: 'Enter a valid email address.', singleLine: true, label: 'The email address' })
    .pipe(z.string().email('Enter a valid email address.'))
    .transform(normalizeEmail),
  role: ZRole,
});
export type TInviteMember = z.infer<typeof ZInviteMemberSchema>;

export const ZUpdateMemberSchema = z.object({ role: ZRole });
export type TUpdateMember = z.infer<typeof ZUpdateMemberSchema>;
