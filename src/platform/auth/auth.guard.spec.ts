import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { APP_CONFIG, loadConfig } from '../config/config';
import { PROBLEM_STATUS, ProblemError } from '../http/problems';
import { AuthModule } from './auth.module';
import { CurrentPrincipal } from './current-principal.decorator';
import { mintDevToken } from './dev-keys';
import { Principal } from './principal';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';

/** Stand-in for the real problem+json filter, which lives elsewhere. */
@Catch(ProblemError)
class ProblemStatusFilter implements ExceptionFilter {
  catch(error: ProblemError, host: ArgumentsHost): void {
    host.switchToHttp().getResponse().status(PROBLEM_STATUS[error.kind]).json({ kind: error.kind, detail: error.message });
  }
}

@Controller('public')
class PublicController {
  @Public()
  @Get()
  ping(@CurrentPrincipal() principal: Principal | undefined) {
    return { ok: true, authenticated: principal !== undefined };
  }
}

@Controller('me')
class MeController {
  @Get()
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Roles('jobcentre')
  @Get('jobcentre-only')
  jobcentreOnly() {
    return { ok: true };
  }
}

@Roles('auditor')
@Controller('audit')
class AuditController {
  @Get()
  list() {
    return { ok: true };
  }

  @Roles('auditor', 'jobcentre')
  @Get('shared')
  shared() {
    return { ok: true };
  }
}

describe('AuthGuard', () => {
  let dataDir: string;
  let app: INestApplication;
  /** An org of the role's kind: the verifier refuses any other (issue 10). */
  const ORG_OF: Record<Principal['role'], string> = {
    jobcentre: '101', 'company-support': '101', 'case-system': '101', company: '12345678', 'employee-representative': '1000000001', citizen: '0101901234', 'anden-aktoer': 'aa-1', auditor: 'audit',
  };
  const token = (role: Principal['role'], name?: string) => mintDevToken(dataDir, { role, org: ORG_OF[role], sub: 'user-1', name });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitas-auth-guard-'));
    @Module({ providers: [{ provide: APP_CONFIG, useValue: loadConfig({ DATA_DIR: dataDir }) }], exports: [APP_CONFIG] })
    class TestConfigModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [{ module: TestConfigModule, global: true }, AuthModule],
      controllers: [PublicController, MeController, AuditController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ProblemStatusFilter());
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 401 without an Authorization header', async () => {
    const res = await request(app.getHttpServer()).get('/me').expect(401);
    expect(res.body).toEqual({ kind: 'unauthenticated', detail: 'missing bearer token' });
  });

  it('answers 401 for a non-bearer scheme and for a garbage token', async () => {
    await request(app.getHttpServer()).get('/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    await request(app.getHttpServer()).get('/me').set('Authorization', 'Bearer garbage').expect(401);
  });

  it('answers 200 with a valid token and exposes the principal', async () => {
    const res = await request(app.getHttpServer())
      .get('/me')
      .set('Authorization', `Bearer ${await token('company', 'Jens Hansen')}`)
      .expect(200);
    expect(res.body).toEqual({ userId: 'user-1', role: 'company', org: '12345678', name: 'Jens Hansen' });
  });

  it('answers 403 when the role is not allowed, 200 when it is', async () => {
    const res = await request(app.getHttpServer())
      .get('/me/jobcentre-only')
      .set('Authorization', `Bearer ${await token('company')}`)
      .expect(403);
    expect(res.body.detail).toMatch(/^role company may not/);
    await request(app.getHttpServer()).get('/me/jobcentre-only').set('Authorization', `Bearer ${await token('jobcentre')}`).expect(200);
  });

  it('applies controller-level roles, with a method list replacing them', async () => {
    const jobcentre = `Bearer ${await token('jobcentre')}`;
    await request(app.getHttpServer()).get('/audit').set('Authorization', jobcentre).expect(403);
    await request(app.getHttpServer()).get('/audit/shared').set('Authorization', jobcentre).expect(200);
    await request(app.getHttpServer()).get('/audit').set('Authorization', `Bearer ${await token('auditor')}`).expect(200);
  });

  it('answers 200 on a public route without a token', async () => {
    const res = await request(app.getHttpServer()).get('/public').expect(200);
    expect(res.body).toEqual({ ok: true, authenticated: false });
  });
});
