import { describe, expect, it } from 'vitest';
import { fixedClock, makeApiWorld } from './support/api-world.js';

const limits = {
  perAddress: { capacity: 2, refillPerMinute: 6 }, // one more every 10 s
  perToken: { capacity: 3, refillPerMinute: 60 }, // one more every second
};

describe('rate limits', () => {
  it('an address gets its burst, then 429 with Retry-After, then more as the bucket refills', async () => {
    const clock = fixedClock();
    const w = await makeApiWorld({ clock, rateLimit: limits });
    const first = await w.call('GET', '/v1/villages');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect(first.headers.get('ratelimit-policy')).toBe('2;w=20');
    expect((await w.call('GET', '/v1/villages')).headers.get('ratelimit-remaining')).toBe('0');
    const refused = await w.call('GET', '/v1/villages');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(refused.headers.get('ratelimit-reset')).toBe('20');
    clock.advance(9_000);
    expect((await w.call('GET', '/v1/villages')).status).toBe(429);
    clock.advance(1_000);
    expect((await w.call('GET', '/v1/villages')).status).toBe(200);
  });

  it('each token has its own bucket, apart from the address', async () => {
    const clock = fixedClock();
    const w = await makeApiWorld({ clock, rateLimit: limits });
    const shop = await w.makeShop();
    const a = await w.tokenFor(shop, ['catalog:read']);
    const b = await w.tokenFor(shop, ['catalog:read']);
    const path = `/v1/admin/shops/${shop.shop.id}/products`;
    for (let i = 0; i < 3; i++) expect((await w.call('GET', path, { token: a })).status).toBe(200);
    const refused = await w.call('GET', path, { token: a });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await w.call('GET', path, { token: b })).status).toBe(200);
    expect((await w.call('GET', '/v1/villages')).status).toBe(200);
  });

  it('refused tokens count against the address, so guessing is limited too', async () => {
    const w = await makeApiWorld({ clock: fixedClock(), rateLimit: limits });
    const bad = { headers: { Authorization: `Bearer aldea_0123456789_${'a'.repeat(43)}` } };
    expect((await w.call('GET', '/v1/villages', bad)).status).toBe(401);
    expect((await w.call('GET', '/v1/villages', bad)).status).toBe(401);
    expect((await w.call('GET', '/v1/villages', bad)).status).toBe(429);
    expect((await w.call('GET', '/v1/villages')).status).toBe(429);
  });

  it('behind a trusted proxy, each client address has its own bucket', async () => {
    const w = await makeApiWorld({ clock: fixedClock(), rateLimit: limits, trustProxy: true });
    const from = (ip: string) => ({ headers: { 'X-Forwarded-For': `${ip}, 10.0.0.1` } });
    await w.call('GET', '/v1/villages', from('203.0.113.1'));
    await w.call('GET', '/v1/villages', from('203.0.113.1'));
    expect((await w.call('GET', '/v1/villages', from('203.0.113.1'))).status).toBe(429);
    expect((await w.call('GET', '/v1/villages', from('203.0.113.2'))).status).toBe(200);
  });
});
