import { Brand } from '@/components/ui/brand';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        <Brand href="/sign-in" />
        {children}
      </div>
    </main>
  );
}
