/** Issue 10: a failed try is recorded in our own words, never in text that came from the receiver. */
import { PushUrlRefused } from '../url-policy/push-url-policy';
import { describeAnswer, describeFailure } from './send-push';

const nodeError = (code: string | undefined, message: string) => Object.assign(new Error(message), code ? { code } : {});

describe('what a failed push records as lastError', () => {
  it.each([
    [nodeError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:443'), 'connection refused (ECONNREFUSED)'],
    [nodeError('ECONNRESET', 'socket hang up'), 'connection reset (ECONNRESET)'],
    [nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND inside.corp'), 'host does not resolve (ENOTFOUND)'],
    [nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: DNS:vault.internal.corp"), 'TLS error (ERR_TLS_CERT_ALTNAME_INVALID)'],
    [nodeError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'TLS error (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    [nodeError('EPROTO', 'wrong version number'), 'TLS error (EPROTO)'],
    [nodeError('ESOMETHINGNEW', 'details'), 'connection failed (ESOMETHINGNEW)'],
    [nodeError(undefined, 'the receiver said: password=hunter2'), 'connection failed'],
    [nodeError('not a code: hunter2', 'x'), 'connection failed'],
    [new PushUrlRefused('resolves to a private address', 'url resolves to a private address; …'), 'refused: resolves to a private address'],
  ])('%s → %s', (error, expected) => {
    expect(describeFailure(error)).toBe(expected);
  });

  it('an answer keeps its status only; a redirect is named as not followed', () => {
    expect(describeAnswer(500)).toBe('HTTP 500 from receiver');
    expect(describeAnswer(404)).toBe('HTTP 404 from receiver');
    expect(describeAnswer(302)).toBe('HTTP 302 from receiver: redirect not followed');
  });
});
