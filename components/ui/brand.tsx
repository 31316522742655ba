import Link from 'next/link';

export function Brand({ href = '/projects' }: { href?: string }) {
  return (
    <Link href={href} className="brand">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src="/icon.svg" alt="" className="brand-mark" width={26} height={26} />
      Groundwork
    </Link>
  );
}
