/** Calendar dates are Danish dates: a signature at 23:30 UTC on 1 March is 2 March in Copenhagen. */
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

export function danishDate(instant: Date): string {
  return formatter.format(instant);
}

/** A calendar date plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}
