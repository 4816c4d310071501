/** Human-readable findings of a fuzz run, grouped by cause, with what reproduces them. */
import { Failure, FuzzReport } from './engine';

/** The app's error message without the ids and numbers that differ between requests. */
function causeOf(f: Failure): string {
  if (!f.appError) return f.status === 0 ? 'no answer (timeout)' : `(app error not captured: see the app log for X-Correlation-Id ${f.correlationId})`;
  return f.appError.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>').replace(/(?<![:\d])\d{3,}/g, '<n>').slice(0, 300);
}

export function formatFailures(report: FuzzReport, max = 25): string {
  const lines: string[] = [];
  const groups = new Map<string, Failure[]>();
  for (const f of report.failures) groups.set(causeOf(f), [...(groups.get(causeOf(f)) ?? []), f]);
  let shown = 0;
  for (const [cause, failures] of groups) {
    const total = failures.reduce((n, f) => n + f.count, 0);
    lines.push(`■ ${cause}  (${total} requests, ${failures.length} distinct)`);
    for (const f of failures.sort((a, b) => a.request.length - b.request.length)) {
      if (shown++ >= max) break;
      lines.push(`   ${f.status} ${f.operation}  broken: ${f.label}  caller: ${f.caller}  ×${f.count}`);
      lines.push(`       request: ${f.request}`);
      lines.push(`       answer:  ${f.answer.slice(0, 200)}  (X-Correlation-Id ${f.correlationId})`);
    }
  }
  if (report.failures.length > max) lines.push(`… ${report.failures.length - max} more distinct failures`);
  return lines.join('\n');
}

export function formatHealth(report: FuzzReport): string {
  return report.health.stalled.map((p) => `   ${p.name}: lag ${p.lag}${p.failing ? `, failing ${JSON.stringify(p.failing).slice(0, 400)}` : ''}${p.lastError ? `, ${p.lastError}` : ''}`).join('\n');
}

export function formatDfdg(report: FuzzReport, max = 10): string {
  const invalid = report.dfdg.invalid.slice(0, max).map((m) => `   job centre ${m.jobcentre} #${String(m.sequence)} ${String(m.messageId)}: ${m.errors.join('; ')}`);
  return [...invalid, ...report.dfdg.feedProblems.slice(0, max).map((p) => `   ${p}`)].join('\n');
}

/** The one-line summary `npm run fuzz` prints last. */
export function summaryLine(report: FuzzReport): string {
  const { requests, by_status, s5xx, stalled_projections, seed, duration_s, dfdg_missing_fields } = report;
  return JSON.stringify({ requests, by_status, s5xx, stalled_projections, seed, duration_s, dfdg_missing_fields, distinct_5xx: report.failures.filter((f) => f.status >= 500).length, dfdg_messages: report.dfdg.messages });
}
