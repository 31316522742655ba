import type { Metadata } from 'next';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Groundwork', template: '%s · Groundwork' },
  description: 'Qualitative and mixed-methods research: grounded-theory coding, saturation, team coding and survey statistics.',
  icons: { icon: '/icon.svg' },
};

// Every page is rendered per request: its scripts carry the request's CSP nonce (proxy.ts,
// lib/http/content-security-policy.ts). A page prerendered at build time would have scripts
// without one, which the browser refuses to run.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
