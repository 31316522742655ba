import { z } from 'zod';

import { normalizeEmail } from '../auth/email';
import { passwordProblems, PASSWORD_MAX_LENGTH } from '../auth/password-policy';

const ZEmail = z
  .string()
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .email('Enter a valid email address.')
  .transform(normalizeEmail);

export const ZSignInSchema = z.object({
  email: ZEmail,
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH, 'Wrong email or password.'),
});
export type TSignIn = z.infer<typeof ZSignInSchema>;

export const ZSignUpSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.'),
    email: ZEmail,
    password: z.string(),
  })
  .superRefine((value, ctx) => {
    for (const message of passwordProblems(value.password, { email: value.email, name: value.name })) {
      ctx.addIssue({ code: 'custom', path: ['password'], message });
    }
  });
export type TSignUp = z.infer<typeof ZSignUpSchema>;
