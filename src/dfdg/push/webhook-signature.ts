/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): a secret is `whsec_` and the
 * base64 of its key; a push is signed as `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`
 * with the headers `webhook-id`, `webhook-timestamp` (unix seconds) and `webhook-signature`
 * (space-separated signatures, several while a rotated secret is still valid).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
const SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]+={0,2}$/;
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** A new random secret (32 bytes of key). */
export function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** Whether `secret` is `whsec_` and the base64 of a 24–64 byte key. */
export function isValidSecret(secret: string): boolean {
  if (!SECRET_PATTERN.test(secret)) return false;
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return key.length >= MIN_KEY_BYTES && key.length <= MAX_KEY_BYTES;
}

function secretKey(secret: string): Buffer {
  if (!isValidSecret(secret)) throw new WebhookVerificationError('the secret is not whsec_<base64 of a 24–64 byte key>');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

/** The `v1,<base64>` signature of one push. */
export function sign(secret: string, id: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

/** The three headers of a push; every given secret signs (the current one first). */
export function webhookHeaders(secrets: readonly string[], id: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => sign(s, id, timestamp, body)).join(' '),
  };
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string {
  const value = headers instanceof Headers ? headers.get(name) : (headers[name] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1]);
  const single = Array.isArray(value) ? value[0] : value;
  if (!single) throw new WebhookVerificationError(`missing header ${name}`);
  return single;
}

/**
 * What a receiver does with a push: checks that one `v1` signature is the HMAC of the raw body
 * with `secret`, and that `webhook-timestamp` is within `toleranceSeconds` of now (an older one
 * is a replay). Returns the parsed message; throws WebhookVerificationError otherwise.
 */
export function verifyWebhook(secret: string, headers: HeaderBag, body: string | Buffer, toleranceSeconds = 300, nowMs = Date.now()): unknown {
  const id = header(headers, 'webhook-id');
  const rawTimestamp = header(headers, 'webhook-timestamp');
  if (!/^\d{1,12}$/.test(rawTimestamp)) throw new WebhookVerificationError('webhook-timestamp is not unix seconds');
  const timestamp = Number(rawTimestamp);
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceSeconds) throw new WebhookVerificationError('webhook-timestamp is outside the tolerance (a replay?)');
  const expected = Buffer.from(sign(secret, id, timestamp, body).slice(3), 'base64');
  const matches = header(headers, 'webhook-signature')
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .some((s) => {
      const given = Buffer.from(s.slice(3), 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  if (!matches) throw new WebhookVerificationError('no webhook-signature matches the secret');
  return JSON.parse(body.toString());
}
