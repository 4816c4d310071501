/**
 * What a problem body may say back (issue 10): a bounded excerpt of the caller's input, and
 * never a CPR number, which would otherwise travel into the caller's logs and proxies.
 */
export const MAX_ECHO_CHARS = 200;

/** At most `max` characters of an input value, marked when cut. */
export function echo(value: unknown, max = MAX_ECHO_CHARS): string {
  const text = String(value);
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/**
 * Ten digits whose first six are a day and month (ddmmyy) are CPR-shaped. P-numbers (which start
 * with 1 and a month 00) and case ids rarely fit; when one does, masking it costs only detail.
 */
const CPR_SHAPED = /(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(\d{2})-?(\d{4})(?!\d)/g;

export function maskCprs(text: string): string {
  return text.replace(CPR_SHAPED, '**********');
}

/** The request path a problem names as its `instance`: no query string, no CPR, bounded. */
export function problemInstance(originalUrl: string): string {
  const path = originalUrl.split('?')[0];
  return echo(maskCprs(path));
}
