import { signOutAction } from '@/app/(auth)/actions';
import { Brand } from '@/components/ui/brand';
import { requireUser } from '@/lib/server/auth/session';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <Brand />
        <div className="topbar-user">
          <span data-testid="current-user">{user.name}</span>
          <form action={signOutAction}>
            <button type="submit" className="btn btn-secondary btn-sm">
              Sign out
            </button>
          </form>
        </div>
      </header>
      {children}
    </>
  );
}
