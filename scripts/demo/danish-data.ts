/** Deterministic Danish-looking demo data: names, companies, P-units, citizens. */
const FIRST_NAMES = ['Anne', 'Mette', 'Kirsten', 'Hanne', 'Helle', 'Susanne', 'Lene', 'Marianne', 'Camilla', 'Ida', 'Freja', 'Sofie', 'Jens', 'Peter', 'Lars', 'Michael', 'Henrik', 'Søren', 'Thomas', 'Niels', 'Rasmus', 'Mads', 'Frederik', 'Jørgen', 'Bjørn', 'Åse', 'Ærle'];
const LAST_NAMES = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Møller', 'Østergaard', 'Lund', 'Kjær', 'Bæk'];
const TRADES = ['Smede', 'Tømrer', 'Bageri', 'Vognmand', 'Rengøring', 'Maskinfabrik', 'Murer', 'Elektro', 'Gartneri', 'Køkken', 'Autoværksted', 'Trykkeri', 'Slagter', 'Blomster', 'Lager & Logistik'];
const FORMS = ['ApS', 'A/S', 'I/S', '& Søn ApS'];
const CITIES: [string, string][] = [['8000', 'Aarhus C'], ['2100', 'København Ø'], ['5000', 'Odense C'], ['9000', 'Aalborg'], ['6700', 'Esbjerg'], ['7100', 'Vejle'], ['4000', 'Roskilde'], ['8800', 'Viborg'], ['3400', 'Hillerød'], ['6000', 'Kolding']];
const STREETS = ['Østergade', 'Vestergade', 'Søndergade', 'Nørregade', 'Åboulevarden', 'Strandvejen', 'Industrivej', 'Fabriksvej', 'Kirkevej', 'Møllevej'];
export const JOBCENTRES: [string, string][] = [['101', 'Jobcenter København'], ['751', 'Jobcenter Aarhus'], ['461', 'Jobcenter Odense'], ['851', 'Jobcenter Aalborg'], ['561', 'Jobcenter Esbjerg']];

/** A small seeded generator, so the same seed gives the same data set. */
export function random(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}
export type Random = ReturnType<typeof random>;

export interface DemoCompany {
  cvr: string;
  name: string;
  pUnits: { pNumber: string; name: string; address: string; hasEmployeeRepresentative: boolean }[];
}

export function companies(r: Random, count: number): DemoCompany[] {
  return Array.from({ length: count }, (_, i) => {
    const cvr = String(30_000_000 + i * 7919).padStart(8, '0');
    const name = `${r.pick(LAST_NAMES)}s ${r.pick(TRADES)} ${r.pick(FORMS)}`;
    // A few large companies with hundreds of P-units (R59).
    const units = i % 97 === 0 ? 250 : r.int(1, 4);
    return {
      cvr,
      name,
      pUnits: Array.from({ length: units }, (_, u) => {
        const [zip, city] = r.pick(CITIES);
        return { pNumber: String(1_000_000_000 + i * 1000 + u), name: `${name}, ${city}${u ? ` ${u + 1}` : ''}`, address: `${r.pick(STREETS)} ${r.int(1, 180)}, ${zip} ${city}`, hasEmployeeRepresentative: r.next() < 0.5 };
      }),
    };
  });
}

export interface DemoCitizen {
  cpr: string;
  firstName: string;
  lastName: string;
  /** The Anden Aktør DFDG assigns the citizen to (every tenth or so), recorded through POST /api/dfdg/assignments. */
  aaId: string | null;
}

export function citizens(r: Random, count: number): DemoCitizen[] {
  return Array.from({ length: count }, (_, i) => {
    const day = String(r.int(1, 28)).padStart(2, '0');
    const month = String(r.int(1, 12)).padStart(2, '0');
    const year = String(r.int(60, 99));
    return { cpr: `${day}${month}${year}${String(1000 + (i % 9000)).padStart(4, '0')}`, firstName: r.pick(FIRST_NAMES), lastName: r.pick(LAST_NAMES), aaId: r.next() < 0.1 ? 'aa-1' : null };
  });
}

/** A Danish full name, e.g. for a token's `name` or the company's responsible person. */
export function personName(r: Random): { firstName: string; lastName: string } {
  return { firstName: r.pick(FIRST_NAMES), lastName: r.pick(LAST_NAMES) };
}

/** A generator of its own for each (case type, index), so a case's data does not depend on the order the cases run in. */
export function caseRandom(seed: number, caseType: string, i: number): Random {
  let h = seed >>> 0;
  for (const ch of `${caseType}:${i}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return random(h);
}
