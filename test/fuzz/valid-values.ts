/**
 * Valid values, so requests get past the boundary and reach the deciders: the fixtures'
 * parties by field name, the ids the app handed out, the schemas' examples and enums, and
 * known-valid bodies for the operations that create cases (the document alone is too thin).
 */
import fc from 'fast-check';
import { CPR, CVR, JOBCENTRE, OTHER_CVR, OTHER_JOBCENTRE, OTHER_P_NUMBER, P_NUMBER, P_NUMBER_NO_REP, STANDARD_REFERENCE_DATA } from '../support/fixtures';
import { Schema } from './openapi';
import { World } from './world';

const SCHEMES = ['company-placement', 'public-benefit-work', 'wage-subsidy', 'adult-apprentice', 'flex-job', 'job-rotation', 'mentor', 'assistive-aid', 'personal-assistant', 'igu'];
const COMPENSATING = ['mentor', 'assistive-aid', 'personal-assistant'];
/** Where a subscription pushes: the discard port on loopback, so the app never calls out. */
export const PUSH_URL = 'http://127.0.0.1:9/fuzz-push';

const jobcentre = fc.constantFrom(JOBCENTRE, OTHER_JOBCENTRE);
const text = fc.constantFrom('Lagerarbejde og montage', 'Begrundelse: borgeren er flyttet', 'Æblehøst på Fyn', 'x');
const ownPUnit = fc.constantFrom(P_NUMBER, P_NUMBER_NO_REP);

/** An id of a case the app created, of the collection at `collection` (e.g. `/api/grants`). */
export function knownId(world: World, collection: string): fc.Arbitrary<string> | undefined {
  const links = world.linksMatching(`${collection}/{id}`);
  return links.length ? fc.constantFrom(...links).map((l) => l.slice(collection.length + 1).split('/')[0]) : undefined;
}

/** Valid values by field or parameter name, where the name says what the value must be. */
export function validByName(name: string, world: World): fc.Arbitrary<unknown> | undefined {
  switch (name) {
    case 'cvr': return fc.constantFrom(CVR, OTHER_CVR);
    case 'pNumber': return fc.constantFrom(P_NUMBER, P_NUMBER_NO_REP, OTHER_P_NUMBER);
    case 'cpr': return fc.constant(CPR);
    case 'jobcentre': case 'toJobcentre': return jobcentre;
    case 'caseworkerId': case 'responsibleCaseworker': return fc.constantFrom('cw-fuzz-1', 'cw-fuzz-2');
    case 'aaId': return fc.constantFrom('aa-fuzz', null);
    case 'effectiveAt': return fc.constantFrom('2026-03-01T08:00:00Z', new Date().toISOString());
    case 'start': case 'periodFrom': return fc.constantFrom('2030-01-01', '2030-02-01');
    case 'end': case 'periodTo': return fc.constantFrom('2030-06-30', '2030-12-31');
    case 'newEndDate': return fc.constantFrom('2030-09-30', '2031-06-30');
    case 'effectiveDate': return fc.constantFrom('2030-03-01', '2030-05-31');
    case 'reasonId': return fc.integer({ min: 0, max: 12 });
    case 'subReasonId': return fc.constantFrom(null, 1, 2, 4);
    case 'hoursPerWeek': case 'hoursMin': case 'hoursMax': return fc.constantFrom(30, 20, 37);
    case 'url': return fc.constant(PUSH_URL);
    case 'firstName': return fc.constant('Mette');
    case 'lastName': return fc.constant('Jørgensen');
    case 'name': case 'query': return fc.constantFrom('Østergaard', 'Søren', 'Fuzz ApS');
    case 'reason': case 'jobContent': case 'workTasks': case 'justification': case 'remarks': case 'address': return text;
    case 'parentGrantId': return knownId(world, '/api/grants');
    case 'applicationId': return knownId(world, '/api/applications');
    case 'offerId': return knownId(world, '/api/offers');
    case 'messageIds': return world.messageIds.length ? fc.subarray(world.messageIds, { minLength: 1, maxLength: Math.min(3, world.messageIds.length) }) : undefined;
    case 'after': return world.cursors.length ? fc.constantFrom(...world.cursors) : undefined;
    // Never a long poll: the fuzzer must not sit in a 30 s wait.
    case 'wait': return fc.constant(0);
    case 'limit': return fc.constantFrom(1, 100, 1000);
    default: return undefined;
  }
}

/** A valid value for a schema: by name, then example, enum, default, then by type. */
export function validFor(schema: Schema, name: string, world: World, depth = 0): fc.Arbitrary<unknown> {
  const byName = validByName(name, world);
  if (byName) return byName;
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.example !== undefined && !(typeof schema.example === 'string' && /^https?:/.test(schema.example))) return fc.constant(schema.example);
  if (schema.oneOf?.length) return validFor(schema.oneOf[0], name, world, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties) return depth > 6 ? fc.constant({}) : validObject(schema, world, depth + 1);
  if (type === 'array') {
    return fc.array(validFor(schema.items ?? {}, name, world, depth + 1), { minLength: Math.max(1, schema.minItems ?? 0), maxLength: 3 });
  }
  if (type === 'boolean') return fc.boolean();
  if (type === 'number' || type === 'integer') return fc.integer({ min: schema.minimum ?? 1, max: Math.min(schema.maximum ?? 100, 100) });
  if (schema.format === 'date') return fc.constant('2030-04-01');
  return fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 20, 20) });
}

/** Every required property, and each optional one half of the time. */
function validObject(schema: Schema, world: World, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(props).map(([k, s]) => {
    const value = validFor(s, k, world, depth);
    return [k, required.has(k) ? value : fc.option(value, { nil: undefined, freq: 2 })] as const;
  });
  return fc.record(Object.fromEntries(entries)).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}

/** Known-valid bodies of the operations that create cases and import reference data. */
export function seedBody(operation: string, world: World): fc.Arbitrary<unknown> | undefined {
  const company = fc.record({ cvr: fc.constant(CVR), pNumber: ownPUnit });
  const citizen = fc.constant({ cpr: CPR });
  switch (operation) {
    case 'POST /api/applications':
      return fc.record({ scheme: fc.constantFrom(...SCHEMES), company, citizen });
    case 'POST /api/offers':
      return fc.record({
        scheme: fc.constantFrom(...SCHEMES.filter((s) => !COMPENSATING.includes(s))), pNumber: ownPUnit, jobcentre,
        onNationalList: fc.boolean(), hoursPerWeek: fc.constantFrom(20, 30, 37), workTasks: text,
      });
    case 'POST /api/grants':
      return fc.constantFrom(...SCHEMES).chain((scheme) => fc.record({
        scheme: fc.constant(scheme), company, citizen, period: fc.constant({ start: '2030-01-01', end: '2030-06-30' }),
        ...(COMPENSATING.includes(scheme) ? {} : { hoursPerWeek: fc.constantFrom(20, 30) }),
        ...(scheme === 'flex-job' ? { fleksjob: fc.record({ permanent: fc.boolean(), employedInOwnCompany: fc.constant(false) }) } : {}),
        jobContent: text,
      }));
    case 'POST /api/igu-agreements':
      return fc.record({ company, citizen, jobcentre });
    case 'POST /api/supplementary-grants': {
      const parent = knownId(world, '/api/grants');
      return parent && fc.record({ parentGrantId: parent, type: fc.constantFrom('mentor', 'assistive-aids'), justification: text, remarks: text });
    }
    case 'POST /api/dfdg/assignments':
      return fc.record({ records: fc.constant([{ cpr: CPR, aaId: 'aa-fuzz', effectiveAt: new Date().toISOString() }]) });
    case 'POST /api/dfdg/subscriptions':
      return fc.record({ url: fc.constant(PUSH_URL), from: fc.constantFrom('start', 'end') });
    default: {
      const kind = /^PUT \/api\/reference-data\/([\w-]+)$/.exec(operation)?.[1] as keyof typeof STANDARD_REFERENCE_DATA | undefined;
      return kind && STANDARD_REFERENCE_DATA[kind] ? fc.constant(STANDARD_REFERENCE_DATA[kind]) : undefined;
    }
  }
}
