import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackPath } from '@/lib/auth/redirect';
import { currentUser } from '@/lib/server/auth/session';
import { DEMO_EMAIL, DEMO_PASSWORD } from '@/lib/demo';
import { hasDemoAccount } from '@/lib/server/data/user/has-demo-account';
import { env } from '@/lib/server/env';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentUser()) redirect(safeCallbackPath(callbackUrl));
  const showDemo = await hasDemoAccount();
  return (
    <>
      <div className="card">
        <h1>Sign in</h1>
        <p className="muted">Welcome back to your research workspace.</p>
        <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} />
      </div>
      {env().GROUNDWORK_ALLOW_SIGNUP && (
        <p className="auth-alt">
          New to Groundwork? <Link href="/sign-up">Create an account</Link>
        </p>
      )}
      {showDemo && (
        <p className="demo-hint">
          Demo workspace: <strong>{DEMO_EMAIL}</strong> / <strong>{DEMO_PASSWORD}</strong>
        </p>
      )}
    </>
  );
}
