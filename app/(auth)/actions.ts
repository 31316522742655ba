'use server';

import { AuthError, type CredentialsSignin } from 'next-auth';

import { safeCallbackPath } from '@/lib/auth/redirect';
import { isSignInRefusal, refusalMessage } from '@/lib/auth/sign-in-policy';
import { signIn, signOut } from '@/lib/server/auth/auth';
import { badFormArgs, formAction } from '@/lib/server/actions';
import { createUser } from '@/lib/server/data/user/create-user';
import { ZSignInSchema, ZSignUpSchema } from '@/lib/validation/auth';
import { type FormState, invalid, keepValues } from '@/lib/validation/form-state';

/** Auth.js signs in and redirects by throwing; only its CredentialsSignin is ours to report. */
async function signInWithPassword(email: string, password: string, redirectTo: string): Promise<FormState> {
  try {
    await signIn('credentials', { email, password, redirectTo });
    return { status: 'success', message: 'Signed in.' };
  } catch (error) {
    if (error instanceof AuthError) {
      const limited = error.type === 'CredentialsSignin' ? /^rate_limited:([a-z-]+):(\d+)$/.exec((error as CredentialsSignin).code) : null;
      if (limited && isSignInRefusal(limited[1])) return { status: 'error', message: refusalMessage(limited[1], Number(limited[2]) * 1000) };
      if (error.type === 'CredentialsSignin') return { status: 'error', message: 'Wrong email or password.' };
      return { status: 'error', message: 'Sign-in failed. Please try again.' };
    }
    throw error; // NEXT_REDIRECT on success
  }
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData);
  if (bad) return bad;
  return keepValues(await signInOnce(formData), formData);
}

async function signInOnce(formData: FormData): Promise<FormState> {
  const parsed = ZSignInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  return signInWithPassword(parsed.data.email, parsed.data.password, safeCallbackPath(formData.get('callbackUrl')));
}

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData);
  if (bad) return bad;
  return keepValues(await signUpOnce(formData), formData);
}

async function signUpOnce(formData: FormData): Promise<FormState> {
  const parsed = ZSignUpSchema.safeParse({ name: formData.get('name'), email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  const created = await formAction(async () => {
    await createUser({ input: parsed.data });
    return { status: 'success', message: 'Account created.' };
  });
  if (created.status !== 'success') return created;
  return signInWithPassword(parsed.data.email, parsed.data.password, '/projects');
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in' });
}
