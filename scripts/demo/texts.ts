/** Danish free texts of the demo cases: 'Jobindhold', 'Arbejdsopgaver', 'Begrundelse', 'Bemærkninger'. */
import { Scheme } from '../../src/registries/schemes';
import { Random } from './danish-data';

/** 'Jobindhold' of a grant and 'Arbejdsopgaver' of an offer, by scheme (each within the 2,000-character limit, R27). */
const JOB_CONTENT: Record<Scheme, readonly string[]> = {
  'company-placement': [
    'Virksomhedspraktik på lageret: modtagelse af varer, pluk og pak af ordrer samt oprydning. Borgeren afprøver arbejdsfunktionerne med henblik på ordinær ansættelse.',
    'Praktik i butikken med opfyldning af varer, kundeservice og kasseekspedition. Fokus på mødestabilitet og samarbejde med kolleger.',
    'Praktik i køkkenet: forberedelse af råvarer, opvask og rengøring efter HACCP-regler under vejledning af køkkenchefen.',
  ],
  'public-benefit-work': [
    'Nytteindsats i kommunens park- og vejafdeling: renholdelse af grønne områder, lugning og lettere vedligehold af stier.',
    'Nytteindsats på genbrugspladsen: sortering af affald og vejledning af borgere om affaldsfraktioner.',
  ],
  'wage-subsidy': [
    'Ansættelse med løntilskud som kontormedhjælper: bogføring af bilag, telefonpasning og kundeservice.',
    'Løntilskudsjob som chaufførmedhjælper: af- og pålæsning, rutekørsel i lokalområdet og registrering af leverancer.',
    'Løntilskud som pedelmedhjælper: tilsyn med bygninger, mindre reparationer og snerydning.',
  ],
  'adult-apprentice': [
    'Voksenlærling som industritekniker: oplæring i CNC-fræsning og montage i virksomheden samt skoleophold på erhvervsskolen.',
    'Voksenlærling som social- og sundhedsassistent med praktik på plejecenter og skoleforløb på SOSU-skolen.',
  ],
  'flex-job': [
    'Fleksjob som pedelmedhjælper med nedsat tempo og mulighed for pauser efter behov; arbejdstiden tilrettelægges efter borgerens skånehensyn.',
    'Fleksjob i administrationen: scanning og arkivering af dokumenter, højst fire timer om dagen.',
  ],
  'job-rotation': [
    'Jobrotationsvikar i produktionen under medarbejdernes efteruddannelse: maskinbetjening og kvalitetskontrol.',
    'Vikar i jobrotation i hjemmeplejen, mens de faste medarbejdere er på kursus i forflytning.',
  ],
  mentor: [
    'Mentorstøtte i opstartsfasen: faste ugentlige samtaler med mentor og hjælp til struktur i arbejdsdagen.',
    'Mentor til introduktion på arbejdspladsen og opfølgning på samarbejdet med nærmeste leder.',
  ],
  'assistive-aid': [
    'Hjælpemiddel på arbejdspladsen: hæve-sænkebord og ergonomisk kontorstol efter ergoterapeutens vurdering.',
    'Skærmlæser og forstørrelsesprogram til arbejdscomputeren.',
  ],
  'personal-assistant': [
    'Personlig assistance ved kommunikation og oplæsning af skriftligt materiale i arbejdstiden.',
    'Personlig assistent til praktiske opgaver, som borgeren ikke selv kan udføre på grund af sit handicap.',
  ],
  igu: [
    'Integrationsgrunduddannelse med praktik i køkkenet og skoleforløb på AMU med dansk som andetsprog.',
    'IGU-forløb som lagermedarbejder med truckcertifikat som en del af uddannelsesdelen.',
  ],
};

export const jobContent = (r: Random, scheme: Scheme): string => r.pick(JOB_CONTENT[scheme]);
export const workTasks = jobContent;

/** 'Begrundelse' when a party refuses or withdraws a grant or a supplementary grant. */
const REFUSALS = [
  'Borgeren er startet i ordinær beskæftigelse, så bevillingen er ikke længere relevant.',
  'Virksomheden har ikke kapacitet til at modtage borgeren i den ønskede periode.',
  'Borgeren ønsker ikke at påbegynde forløbet på grund af lang transporttid.',
  'Der er ikke den fornødne mentorressource i afdelingen i perioden.',
  'Borgerens helbred tillader ikke opstart på nuværende tidspunkt, jf. lægeerklæring.',
  'Aftalen er erstattet af en ny bevilling med ændret timetal.',
];
export const refusalReason = (r: Random): string => r.pick(REFUSALS);

/** 'Begrundelse' of a supplementary grant. */
const JUSTIFICATIONS: Record<'mentor' | 'assistive-aids', readonly string[]> = {
  mentor: [
    'Borgeren har brug for en mentor i de første måneder for at fastholde tilknytningen til arbejdspladsen.',
    'Mentorstøtte er nødvendig, da borgeren har svært ved at overskue nye arbejdsopgaver uden hjælp.',
  ],
  'assistive-aids': [
    'Borgeren har behov for et hæve-sænkebord for at kunne varetage arbejdet trods rygskade.',
    'Der bevilges høreteknisk udstyr, så borgeren kan deltage i møder og telefonsamtaler.',
  ],
};
export const justification = (r: Random, type: 'mentor' | 'assistive-aids'): string => r.pick(JUSTIFICATIONS[type]);

/** 'Bemærkninger' of a review or a supplementary grant. */
const REMARKS = [
  'Opfølgningssamtale afholdt med borger og virksomhed; forløbet fortsætter som planlagt.',
  'Borgeren trives og har fået flere opgaver; timetallet vurderes igen om tre måneder.',
  'Virksomheden melder om stabilt fremmøde. Næste opfølgning aftalt.',
  'Aftalt med virksomheden at fokusere på kundekontakt i den resterende periode.',
];
export const remarks = (r: Random): string => r.pick(REMARKS);

/** An application rejected by the caseworker or the employee representative. */
const APPLICATION_REJECTIONS = ['Borgeren er påbegyndt anden indsats', 'Ingen ledig kapacitet i afdelingen', 'Stillingen kan ikke oprettes som merbeskæftigelse', 'Ansøgningen mangler oplysninger om arbejdstid'];
export const applicationRejection = (r: Random): string => r.pick(APPLICATION_REJECTIONS);

/** An offer the employee representative rejects ('Afvist af medarbejder-rep', R9). */
const REP_REJECTIONS = ['Medarbejderne er ikke blevet hørt om tilbuddet', 'Afdelingen har allerede to personer i løntilskud', 'Der er varslet afskedigelser i afdelingen'];
export const representativeRejection = (r: Random): string => r.pick(REP_REJECTIONS);

/** The text of the company's approval file ('Godkend med bilag', R50: date and time, name, VITAS-id). */
export function approvalFileText(caseId: string, name: string, at: Date): Buffer {
  return Buffer.from(`Godkendelse af ansøgning\nVITAS-id: ${caseId}\nGodkendt af: ${name}\nDato og tid: ${at.toISOString()}\n\nVirksomheden godkender hermed ansøgningen.\n`, 'utf8');
}
