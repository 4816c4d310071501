/** Calendar dates are Danish dates: a signature at 23:30 UTC on 1 March is 2 March in Copenhagen. */
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

export function danishDate(instant: Date): string {
  return formatter.format(instant);
}
