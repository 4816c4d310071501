import { createTestApp, TestApp } from '../support/test-app';

describe('probe', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ BODY_LIMIT_BYTES: '4096' }); });
  afterAll(() => t.close());
  it('probes', async () => {
    const cw = `Bearer ${await t.token('jobcentre', '101')}`;
    const show = (label: string, r: any) => console.log(label, r.status, r.headers['content-type'], JSON.stringify(r.body));
    show('gzipgarbage', await t.http.post('/api/applications').set('Authorization', cw).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('not gzip at all'));
    show('encfoo', await t.http.post('/api/applications').set('Authorization', cw).set('Content-Type', 'application/json').set('Content-Encoding', 'foo').send('{}'));
    show('latin1', await t.http.post('/api/applications').set('Authorization', cw).set('Content-Type', 'application/json; charset=latin1').send('{}'));
    show('proto', await t.http.post('/api/applications').set('Authorization', cw).set('Content-Type', 'application/json').send('{"__proto__":{"x":1},"constructor":{"prototype":{"y":1}}}'));
    show('deep', await t.http.post('/api/applications').set('Authorization', cw).set('Content-Type', 'application/json').send('{"company":' + '['.repeat(1000) + ']'.repeat(1000) + '}'));
    show('ifmatchlist', await t.http.post('/api/applications/01890000-0000-7000-8000-000000000000/approve').set('Authorization', cw).set('If-Match', '"1", "2"'));
    show('pagebig', await t.http.get('/api/applications?page=99999999999999999999').set('Authorization', cw));
    show('pagesize', await t.http.get('/api/applications?page=100000000&pageSize=500').set('Authorization', cw));
  });
});
