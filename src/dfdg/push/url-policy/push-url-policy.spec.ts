/**
 * Issue 10 (SSRF): where a push may go, as a table. Host names resolve through a fake resolver,
 * so nothing here asks a DNS server or connects anywhere.
 */
import { whyNotPublic } from './address-ranges';
import { AllowedHosts } from './allowed-hosts';
import { PushUrlPolicy, PushUrlRefused, ResolvedAddress, Resolver } from './push-url-policy';

/** A public address (example.com's); it is only ever classified, never connected to. */
const PUBLIC_V4 = '93.184.215.14';
const PUBLIC_V6 = '2606:2800:21f:cb07:6820:80da:af6b:8b2c';

const family = (address: string) => (address.includes(':') ? 6 : 4);
/** A resolver from a fixed table; a name not in it does not resolve, as with ENOTFOUND. */
const fakeDns =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address): ResolvedAddress => ({ address, family: family(address) }));
  };

const DNS = fakeDns({
  'receiver.example': [PUBLIC_V4, PUBLIC_V6],
  'split.example': [PUBLIC_V4, '10.0.0.5'],
  'inside.example': ['192.168.10.20'],
  'mapped.example': ['::ffff:169.254.169.254'],
  'loop6.example': ['::1'],
  'empty.example': [],
});

/** The refusal's short reason, or 'ok'. */
async function verdict(url: string, policy = new PushUrlPolicy([], DNS)): Promise<string> {
  try {
    await policy.checkNewSubscription(url);
    return 'ok';
  } catch (error) {
    if (error instanceof PushUrlRefused) return error.reason;
    throw error;
  }
}

describe('push URL policy (issue 10: pushes cannot reach inside)', () => {
  it.each([
    [`https://${PUBLIC_V4}/dfdg`, 'ok'],
    [`https://[${PUBLIC_V6}]:8443/dfdg`, 'ok'],
    ['https://172.32.0.1/', 'ok'], // just past 172.16/12
    ['https://100.128.0.1/', 'ok'], // just past 100.64/10
    ['https://[64:ff9b::5db8:d70e]/', 'ok'], // NAT64 of a public IPv4 address
    ['https://receiver.example/dfdg', 'ok'],
    ['https://127.0.0.1:3000/api/dfdg/messages', 'a loopback address'],
    ['https://127.1/', 'a loopback address'],
    ['https://2130706433/', 'a loopback address'], // decimal
    ['https://0x7f.0.0.1/', 'a loopback address'], // hex
    ['https://0177.0.0.1/', 'a loopback address'], // octal
    ['https://017700000001/', 'a loopback address'],
    ['https://[::1]/', 'a loopback address'],
    ['https://[::ffff:127.0.0.1]/', 'a loopback address'], // IPv4-mapped
    ['https://[::ffff:7f00:1]/', 'a loopback address'],
    ['https://[::ffff:10.1.2.3]/', 'a private address'],
    ['https://[::127.0.0.1]/', 'an IPv4-compatible address'],
    ['https://10.0.0.5/', 'a private address'],
    ['https://172.16.0.1/', 'a private address'],
    ['https://172.31.255.255/', 'a private address'],
    ['https://192.168.1.1/', 'a private address'],
    ['https://169.254.169.254/latest/meta-data/', 'a cloud metadata host'],
    ['https://[::ffff:169.254.169.254]/', 'a cloud metadata host'],
    ['https://[fd00:ec2::254]/', 'a cloud metadata host'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'a cloud metadata host'],
    ['https://METADATA.google.internal./', 'a cloud metadata host'],
    ['https://169.254.1.1/', 'a link-local address'],
    ['https://[fe80::1]/', 'a link-local address'],
    ['https://[fc00::1]/', 'a unique-local address'],
    ['https://[fd12:3456::1]/', 'a unique-local address'],
    ['https://100.64.0.1/', 'a carrier-grade NAT address'],
    ['https://0.0.0.0/', 'an unspecified address'],
    ['https://0/', 'an unspecified address'],
    ['https://[::]/', 'an unspecified address'],
    ['https://224.0.0.1/', 'a multicast address'],
    ['https://[ff02::1]/', 'a multicast address'],
    ['https://255.255.255.255/', 'a broadcast address'],
    ['https://240.0.0.1/', 'a reserved address'],
    ['https://203.0.113.5/', 'a reserved address'], // TEST-NET-3
    ['https://[2001:db8::1]/', 'a reserved address'],
    ['https://[64:ff9b::a00:5]/', 'a private address'], // NAT64 of 10.0.0.5
    ['https://[2002:a00:5::1]/', 'a private address'], // 6to4 of 10.0.0.5
    ['https://[2002:7f00:1::]/', 'a loopback address'], // 6to4 of 127.0.0.1
    ['https://[64:ff9b:1::a00:5]/', 'a special-purpose address (rfc6052)'], // local-use NAT64
    ['https://[2001:0:4136:e378::1]/', 'a Teredo tunnel address'],
    ['https://localhost/', 'a loopback host'],
    ['https://push.localhost/', 'a loopback host'],
    [`http://${PUBLIC_V4}/dfdg`, 'http to a host not in PUSH_ALLOWED_HOSTS'],
    ['http://receiver.example/dfdg', 'http to a host not in PUSH_ALLOWED_HOSTS'],
    ['https://split.example/', 'resolves to a private address'], // ANY address that is not public
    ['https://inside.example/', 'resolves to a private address'],
    ['https://mapped.example/', 'resolves to a cloud metadata address'],
    ['https://loop6.example/', 'resolves to a loopback address'],
    ['https://empty.example/', 'host does not resolve'],
    ['https://nowhere.example/', 'host does not resolve'],
  ])('%s → %s', async (url, expected) => {
    expect(await verdict(url)).toBe(expected);
  });

  it('a malformed URL is refused as such (a 400, not a 422)', async () => {
    for (const url of ['not a url', 'ftp://receiver.example/x', 'https://user:pw@receiver.example/x', 'file:///etc/passwd', '//receiver.example/x']) {
      const refusal = await new PushUrlPolicy([], DNS).checkNewSubscription(url).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(PushUrlRefused);
      expect((refusal as PushUrlRefused).malformed).toBe(true);
    }
  });

  it('says why in words, never names an address only our DNS knows, and echoes a bounded excerpt of the host', async () => {
    const policy = new PushUrlPolicy([], DNS);
    const message = (url: string) => policy.checkNewSubscription(url).then(() => 'ok', (e: Error) => e.message);
    expect(await message('https://inside.example/')).toBe('url resolves to a private address; only public addresses are allowed unless the host is in PUSH_ALLOWED_HOSTS');
    expect(await message('https://10.0.0.5/')).toBe("url's host 10.0.0.5 is a private address; only public addresses are allowed unless the host is in PUSH_ALLOWED_HOSTS");
    expect(await message('http://receiver.example/')).toBe('url must use https; http is allowed only for hosts in PUSH_ALLOWED_HOSTS');
    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.example`;
    const text = await message(`https://${long}/`);
    expect(text).toMatch(/does not resolve/);
    expect(text.length).toBeLessThan(200);
    expect(text).not.toContain(long);
  });

  describe('PUSH_ALLOWED_HOSTS', () => {
    it.each([
      [['127.0.0.1:8080'], 'http://127.0.0.1:8080/hook', 'ok'],
      [['127.0.0.1:8080'], 'http://127.0.0.1:8081/hook', 'http to a host not in PUSH_ALLOWED_HOSTS'],
      [['127.0.0.1:8080'], 'https://127.0.0.1:8081/hook', 'a loopback address'],
      [['127.0.0.1'], 'http://127.0.0.1:9/hook', 'ok'], // a host without a port: every port
      [['127.0.0.1'], 'http://2130706433:9/hook', 'ok'], // compared as the parser normalises it
      [['localhost'], 'http://LOCALHOST:1234/', 'ok'],
      [['localhost'], 'http://localhost.:1234/', 'http to a host not in PUSH_ALLOWED_HOSTS'], // exact, no trailing-dot variant
      [['[::1]:8080'], 'http://[::1]:8080/', 'ok'],
      [['::1'], 'http://[0:0::1]:9/', 'ok'],
      [['receiver.example:443'], 'https://receiver.example/', 'ok'], // the default port counts
      [['inside.example'], 'https://inside.example/', 'ok'], // skips the private-address check
      [['inside.example'], 'https://sub.inside.example/', 'host does not resolve'], // no wildcards
      [['169.254.169.254'], 'http://169.254.169.254/latest', 'a cloud metadata host'], // never, allow-listed or not
      [['metadata.google.internal'], 'http://metadata.google.internal/', 'a cloud metadata host'],
    ])('%j: %s → %s', async (allowed, url, expected) => {
      expect(await verdict(url, new PushUrlPolicy(allowed, DNS))).toBe(expected);
    });

    it('an entry that is no host stops the start with the variable named', () => {
      for (const entry of ['http://127.0.0.1', 'a b', 'host:99999', 'host:port', 'user@host', 'host/path', '[::1']) {
        expect(() => new AllowedHosts([entry])).toThrow(/PUSH_ALLOWED_HOSTS/);
      }
      expect(() => new AllowedHosts(['receiver.example', '10.0.0.5:8080', '[fd00::1]:443', 'fd00::2'])).not.toThrow();
    });
  });

  describe('at each push: the connection is pinned to the addresses just checked', () => {
    /** Calls the target's lookup as Node's net module does, with and without `all`. */
    const lookup = (policy: PushUrlPolicy, url: string, all: boolean) =>
      new Promise<unknown>((resolve, reject) => {
        const { lookup: fn } = policy.pushTarget(url);
        (fn as unknown as (h: string, o: object, cb: (e: Error | null, ...r: unknown[]) => void) => void)(new URL(url).hostname, { all }, (error, ...result) =>
          error ? reject(error) : resolve(all ? result[0] : result),
        );
      });

    it('hands Node exactly the vetted addresses, in both of its lookup forms', async () => {
      const policy = new PushUrlPolicy([], DNS);
      expect(await lookup(policy, 'https://receiver.example/', true)).toEqual([
        { address: PUBLIC_V4, family: 4 },
        { address: PUBLIC_V6, family: 6 },
      ]);
      expect(await lookup(policy, 'https://receiver.example/', false)).toEqual([PUBLIC_V4, 4]);
    });

    it('a name that passed at subscription but rebinds to an inside address is refused at connect time', async () => {
      let answer = [PUBLIC_V4];
      const rebinding: Resolver = async () => answer.map((address) => ({ address, family: family(address) }));
      const policy = new PushUrlPolicy([], rebinding);
      await expect(policy.checkNewSubscription('https://rebind.example/')).resolves.toBeUndefined();
      answer = ['169.254.169.254'];
      await expect(lookup(policy, 'https://rebind.example/', true)).rejects.toMatchObject({ reason: 'resolves to a cloud metadata address' });
      answer = [PUBLIC_V4, '127.0.0.1'];
      await expect(lookup(policy, 'https://rebind.example/', false)).rejects.toMatchObject({ reason: 'resolves to a loopback address' });
    });

    it('refuses outright (no lookup at all) what the URL alone shows: http, metadata, an inside IP literal', () => {
      const policy = new PushUrlPolicy([], DNS);
      expect(() => policy.pushTarget('http://receiver.example/')).toThrow(PushUrlRefused);
      expect(() => policy.pushTarget('https://169.254.169.254/')).toThrow(/metadata/);
      expect(() => policy.pushTarget('https://[::ffff:10.0.0.1]/')).toThrow(/private address/);
    });

    it('an allow-listed name is looked up but not classified, except for metadata addresses', async () => {
      const policy = new PushUrlPolicy(['inside.example', 'mapped.example'], DNS);
      expect(await lookup(policy, 'http://inside.example/', true)).toEqual([{ address: '192.168.10.20', family: 4 }]);
      await expect(lookup(policy, 'http://mapped.example/', true)).rejects.toMatchObject({ reason: 'resolves to a cloud metadata address' });
    });
  });

  it('classifies addresses, not names: anything that is not an IP address is refused', () => {
    expect(whyNotPublic('localhost')).toBe('not an IP address');
    expect(whyNotPublic('2130706433')).toBe('not an IP address'); // the resolver's answers are always normal forms
    expect(whyNotPublic(PUBLIC_V4)).toBeNull();
  });
});
