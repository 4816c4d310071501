/**
 * The front page's bubbles (R23–R26): each is a list and a fixed query on it, and its count is
 * that list's `countSearch` under that query, the very query behind the list's `totalCount`, so
 * the two agree by construction (R24). Each bubble answers with the link to its list.
 */
import { DataSource } from 'typeorm';
import { Principal, Role } from '../../../src/platform/auth/principal';
import { SearchQuery, countSearch, planSearch } from './search-engine';
import { searchListById } from './search-lists';

export interface BubbleDefinition {
  id: string;
  label: string;
  roles: readonly Role[];
  list: string;
  query: Pick<SearchQuery, 'status' | 'ceased' | 'caseType'>;
}

const STAFF: Role[] = ['jobcentre', 'auditor'];

export const BUBBLES: readonly BubbleDefinition[] = [
  { id: 'drafts', label: 'Kladder', roles: ['company'], list: 'applications', query: { status: ['draft'] } }, // R24: the drafts of the search page
  { id: 'applications-received', label: 'Modtagne ansøgninger', roles: [...STAFF, 'anden-aktoer'], list: 'applications', query: { status: ['received'] } },
  { id: 'offers', label: 'Tilbud', roles: [...STAFF, 'company'], list: 'offers', query: { status: ['active'], ceased: false } }, // R25: ceased (fleksjob) offers never count
  { id: 'grants-awaiting-company', label: 'Afventer godkendelse hos virksomhed', roles: [...STAFF, 'company'], list: 'grants', query: { status: ['awaiting-company'] } },
  { id: 'grants-awaiting-citizen', label: 'Afventer godkendelse hos borger', roles: [...STAFF, 'citizen'], list: 'grants', query: { status: ['awaiting-citizen'] } },
  { id: 'extensions-and-reviews', label: 'Forlængelser og revurderinger', roles: [...STAFF, 'anden-aktoer'], list: 'extensions', query: {} }, // R24, R26
  { id: 'igu-awaiting-citizen', label: 'IGU-aftaler afventer borger', roles: [...STAFF, 'company', 'citizen'], list: 'igu-agreements', query: { status: ['awaiting-citizen'] } },
];

/** `?status=a,b&ceased=false`: the list's query string a bubble links to. */
export function bubbleQueryString(query: BubbleDefinition['query']): string {
  const parts = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(Array.isArray(v) ? v.join(',') : String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The caller's bubbles, counted in parallel, each with the link to its list. */
export async function countBubbles(db: DataSource, principal: Principal, today: string) {
  const mine = BUBBLES.filter((b) => b.roles.includes(principal.role));
  const counts = await Promise.all(mine.map((b) => countSearch(db, planSearch(searchListById(b.list)!, principal, b.query, today))));
  return {
    bubbles: mine.map((b, i) => ({ id: b.id, label: b.label, count: counts[i], list: b.list, links: { list: `/api/search/${b.list}${bubbleQueryString(b.query)}` } })),
  };
}
