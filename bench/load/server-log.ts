/**
 * What a server's JSON log says went wrong: 5xx answers by route, and error lines by message.
 * A load that a correct server handles leaves both empty (busy 503s are counted apart: they are
 * the designed answer to a full queue).
 */
export interface LogFindings {
  requests: number;
  /** "503 POST /interaction/:uid/face" -> count, busy answers excluded. */
  serverErrors: Record<string, number>;
  busyAnswers: number;
  /** Lines at level error or fatal, by message. */
  errorLines: Record<string, number>;
  /** Lines written during a request without its requestId (must be 0). */
  linesWithoutRequestId: number;
}

export function readServerLog(lines: readonly Record<string, unknown>[]): LogFindings {
  const findings: LogFindings = {
    requests: 0,
    serverErrors: {},
    busyAnswers: 0,
    errorLines: {},
    linesWithoutRequestId: 0,
  };
  const busyIds = new Set(
    lines.filter((l) => (l.audit as { result?: string } | undefined)?.result === 'busy').map((l) => l.requestId),
  );
  for (const line of lines) {
    if (line.msg === 'request') {
      findings.requests++;
      const status = Number(line.status);
      if (status === 503 && busyIds.has(line.requestId)) findings.busyAnswers++;
      else if (status >= 500) count(findings.serverErrors, `${status} ${line.method} ${route(String(line.path))}`);
    }
    if (Number(line.level) >= 50) count(findings.errorLines, String(line.msg));
    if ((line.msg === 'request' || line.audit) && !line.requestId) findings.linesWithoutRequestId++;
  }
  return findings;
}

function route(path: string): string {
  return path.replace(/^\/(interaction|auth|enroll)\/[^/]+/, '/$1/:id');
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}
