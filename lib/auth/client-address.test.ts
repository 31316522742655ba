import { describe, expect, it } from 'vitest';

import { clientAddress } from './client-address';

const H = 'x-groundwork-client-address';
const headers = (h: Record<string, string>) => new Headers(h);

describe('clientAddress', () => {
  it('ignores a client-supplied X-Forwarded-For when our server wrote the socket address', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.9', [H]: '198.51.100.4' }), { trustProxy: false, socketHeader: H })).toEqual({ address: '198.51.100.4', source: 'socket' });
    // A different forged value each time still maps to the one socket address.
    for (const forged of ['1.1.1.1', '2.2.2.2, 3.3.3.3']) {
      expect(clientAddress(headers({ 'x-forwarded-for': forged, [H]: '198.51.100.4' }), { trustProxy: false, socketHeader: H }).address).toBe('198.51.100.4');
    }
  });

  it('behind a trusted proxy takes the rightmost X-Forwarded-For entry (the one the proxy added)', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '6.6.6.6, 192.0.2.1', [H]: '10.0.0.2' }), { trustProxy: true, socketHeader: H })).toEqual({ address: '192.0.2.1', source: 'proxy' });
    expect(clientAddress(headers({}), { trustProxy: true, socketHeader: H })).toEqual({ address: 'unknown', source: 'unknown' });
  });

  it('without our server falls back to X-Forwarded-For, and says so', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '192.0.2.8' }), { trustProxy: false })).toEqual({ address: '192.0.2.8', source: 'forwarded-for' });
    // The socket header counts only when our server is known to write it.
    expect(clientAddress(headers({ [H]: '10.9.9.9' }), { trustProxy: false })).toEqual({ address: 'unknown', source: 'unknown' });
  });
});
