import { createPlatformApiToken, platformContext, revokeApiToken } from '@aldea/core';
import { describe, expect, it } from 'vitest';
import { fixedClock, makeApiWorld } from './support/api-world.js';

const ECB = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube>
    <Cube time="2026-11-24">
      <Cube currency="USD" rate="1.0412"/>
      <Cube currency="CNY" rate="7.5321"/>
    </Cube>
  </Cube>
</gesmes:Envelope>`;

async function fxWorld() {
  // The day after the file's: an ECB day in the future would be refused.
  const w = await makeApiWorld({ clock: fixedClock(new Date('2026-11-25T10:00:00Z')) });
  const made = await createPlatformApiToken(platformContext(w.db), {
    name: 'fx',
    scopes: ['fx:write'],
  });
  return { w, token: made.token, tokenId: made.apiToken.id };
}

describe('FX for operators', () => {
  it('sets a manual rate as exact text and lists it', async () => {
    const { w, token } = await fxWorld();
    const set = await w.call('POST', '/v1/fx/rates', {
      token,
      json: { base: 'USD', quote: 'MXN', rate: '19.85' },
    });
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ base: 'USD', quote: 'MXN', rate: '19.85', source: 'manual' });
    const list = await w.call('GET', '/v1/fx/rates', { token });
    expect(list.body.items).toEqual([
      expect.objectContaining({ rate: '19.85', freshness: 'fresh' }),
    ]);
    const float = await w.call('POST', '/v1/fx/rates', {
      token,
      json: { base: 'USD', quote: 'MXN', rate: 19.85 },
    });
    expect(float.status).toBe(400);
    expect(float.body.errors[0].path).toBe('rate');
  });

  it('imports an ECB file sent as XML; refuses other media types and broken files', async () => {
    const { w, token } = await fxWorld();
    const res = await w.call('POST', '/v1/fx/ecb-imports', {
      token,
      raw: ECB,
      headers: { 'Content-Type': 'application/xml' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ days: 1, inserted: 2, latestDay: '2026-11-24' });
    const json = await w.call('POST', '/v1/fx/ecb-imports', { token, json: { xml: ECB } });
    expect(json.status).toBe(415);
    const broken = await w.call('POST', '/v1/fx/ecb-imports', {
      token,
      raw: ECB.replace('1.0412', 'lots'),
      headers: { 'Content-Type': 'text/xml' },
    });
    expect(broken.status).toBe(422);
    expect(
      (await w.call('GET', '/v1/fx/rates', { token })).body.items
        .map((r: { rate: string }) => r.rate)
        .sort(),
    ).toEqual(['1.0412', '7.5321']);
  });

  it('no token is 401, a revoked platform token 401', async () => {
    const { w, token, tokenId } = await fxWorld();
    expect((await w.call('GET', '/v1/fx/rates')).status).toBe(401);
    await revokeApiToken(platformContext(w.db), tokenId);
    expect((await w.call('GET', '/v1/fx/rates', { token })).status).toBe(401);
  });
});
