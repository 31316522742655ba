import { z } from 'zod';

import { normalizeEmail } from '../auth/email';
import { passwordProblems, PASSWORD_MAX_LENGTH } from '../auth/password-policy';
import { textProblem, ZText } from './text';

const ZEmail = ZText({ max: 254, required: 'Enter your email address.', maxMessage: 'That email address is too long.', singleLine: true, label: 'The email address' })
  .pipe(z.string().email('Enter a valid email address.'))
  .transform(normalizeEmail);

export const ZSignInSchema = z.object({
  email: ZEmail,
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH, 'Wrong email or password.'),
});
export type TSignIn = z.infer<typeof ZSignInSchema>;

export const ZSignUpSchema = z
  .object({
    name: ZText({ max: 100, required: 'Enter your name.', singleLine: true, label: 'The name' }),
    email: ZEmail,
    // Not trimmed or normalised (that would change existing passwords' hashes); a broken
    // character or NUL is refused because it would be hashed as something else.
    password: z.string().superRefine((p, ctx) => {
      const problem = textProblem(p);
      if (problem) ctx.addIssue({ code: 'custom', message: `The password ${problem}` });
    }),
  })
  .superRefine((value, ctx) => {
    for (const message of passwordProblems(value.password, { email: value.email, name: value.name })) {
      ctx.addIssue({ code: 'custom', path: ['password'], message });
    }
  });
export type TSignUp = z.infer<typeof ZSignUpSchema>;
