/**
 * A request's path as the log may keep it. An enrolment link's token is a credential (whoever
 * holds it may enrol a face to the account), and it is the path's second segment: the log gets a
 * placeholder instead. The interaction uid stays: it is worth nothing without the signed cookie.
 */
export function loggablePath(path: string): string {
  return path.replace(/^\/enroll\/[^/]+/, '/enroll/:token');
}
