import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { SignUpForm } from '@/components/auth/sign-up-form';
import { currentUser } from '@/lib/server/auth/session';
import { env } from '@/lib/server/env';

export const metadata: Metadata = { title: 'Create account' };

export default async function SignUpPage() {
  if (await currentUser()) redirect('/projects');
  if (!env().GROUNDWORK_ALLOW_SIGNUP) {
    return (
      <div className="card">
        <h1>Sign-up is closed</h1>
        <p className="muted">This Groundwork server only admits existing accounts. Ask your administrator for one.</p>
        <Link href="/sign-in">Back to sign in</Link>
      </div>
    );
  }
  return (
    <>
      <div className="card">
        <h1>Create your account</h1>
        <p className="muted">Code interviews and literature with your team.</p>
        <SignUpForm />
      </div>
      <p className="auth-alt">
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
