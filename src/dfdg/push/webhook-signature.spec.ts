import { createHmac } from 'node:crypto';
import { generateSecret, isValidSecret, sign, verifyWebhook, webhookHeaders, WebhookVerificationError } from './webhook-signature';

describe('Standard Webhooks signatures of DFDG pushes', () => {
  const secret = generateSecret();
  const body = JSON.stringify({ messageId: 'msg-1', caseId: 'c-1', cessation: { dfdgCode: 15, dfdgText: 'Aktivitetsperioden er afsluttet ordinært' } });

  it('signs "<id>.<timestamp>.<body>" with HMAC-SHA256 of the base64-decoded key, as v1,<base64>', () => {
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`msg-1.1700000000.${body}`).digest('base64');
    expect(sign(secret, 'msg-1', 1_700_000_000, body)).toBe(`v1,${expected}`);
    expect(webhookHeaders([secret], 'msg-1', body, 1_700_000_000)).toEqual({ 'webhook-id': 'msg-1', 'webhook-timestamp': '1700000000', 'webhook-signature': `v1,${expected}` });
  });

  it('verifies a fresh push and answers the message; header names in any case, or a Headers object', () => {
    const headers = webhookHeaders([secret], 'msg-1', body);
    expect(verifyWebhook(secret, headers, body)).toMatchObject({ messageId: 'msg-1' });
    expect(verifyWebhook(secret, Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v])), Buffer.from(body))).toMatchObject({ caseId: 'c-1' });
    expect(verifyWebhook(secret, new Headers(headers), body)).toMatchObject({ caseId: 'c-1' });
  });

  it('rejects a wrong secret, a changed body, another id and a missing header', () => {
    const headers = webhookHeaders([secret], 'msg-1', body);
    expect(() => verifyWebhook(generateSecret(), headers, body)).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(secret, headers, body.replace('15', '14'))).toThrow(/no webhook-signature matches/);
    expect(() => verifyWebhook(secret, { ...headers, 'webhook-id': 'msg-2' }, body)).toThrow(/no webhook-signature matches/);
    expect(() => verifyWebhook(secret, { ...headers, 'webhook-signature': 'v1,' }, body)).toThrow(/no webhook-signature matches/);
    expect(() => verifyWebhook(secret, { 'webhook-id': 'msg-1', 'webhook-signature': headers['webhook-signature'] }, body)).toThrow(/missing header webhook-timestamp/);
  });

  it('rejects a replay: a timestamp outside the tolerance either way, or not unix seconds', () => {
    const now = Date.now();
    const old = webhookHeaders([secret], 'msg-1', body, Math.floor(now / 1000) - 301);
    expect(() => verifyWebhook(secret, old, body, 300, now)).toThrow(/outside the tolerance/);
    expect(verifyWebhook(secret, old, body, 600, now)).toBeDefined();
    const future = webhookHeaders([secret], 'msg-1', body, Math.floor(now / 1000) + 400);
    expect(() => verifyWebhook(secret, future, body, 300, now)).toThrow(/outside the tolerance/);
    expect(() => verifyWebhook(secret, { ...old, 'webhook-timestamp': '2024-01-01T00:00:00Z' }, body)).toThrow(/unix seconds/);
  });

  it('accepts any one of several signatures (during a secret rotation)', () => {
    const previous = generateSecret();
    const headers = webhookHeaders([secret, previous], 'msg-1', body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyWebhook(secret, headers, body)).toBeDefined();
    expect(verifyWebhook(previous, headers, body)).toBeDefined();
    expect(() => verifyWebhook(generateSecret(), headers, body)).toThrow(WebhookVerificationError);
  });

  it('knows a valid secret: whsec_ and the base64 of a 24–64 byte key', () => {
    expect(generateSecret()).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(generateSecret()).not.toBe(generateSecret());
    expect(isValidSecret(`whsec_${Buffer.alloc(24, 1).toString('base64')}`)).toBe(true);
    expect(isValidSecret(`whsec_${Buffer.alloc(23, 1).toString('base64')}`)).toBe(false);
    expect(isValidSecret(`whsec_${Buffer.alloc(65, 1).toString('base64')}`)).toBe(false);
    expect(isValidSecret(Buffer.alloc(32, 1).toString('base64'))).toBe(false);
    expect(isValidSecret('whsec_not base64!')).toBe(false);
    expect(() => verifyWebhook('secret', webhookHeaders([secret], 'm', body), body)).toThrow(/not whsec_/);
  });
});
