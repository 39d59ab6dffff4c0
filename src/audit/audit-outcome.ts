import { registerEnumType } from '@nestjs/graphql';

/** How a mutation ended: OK, or the `extensions.code` its caller was answered with. */
export enum AuditOutcome {
  OK = 'OK',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'OK, or the error code the caller was answered with',
});

const FAILURES = new Set<string>(
  Object.values(AuditOutcome).filter((outcome) => outcome !== AuditOutcome.OK),
);

/** The outcome an error code stands for; a code the audit trail does not know is a fault. */
export function outcomeOf(code: unknown): AuditOutcome {
  return typeof code === 'string' && FAILURES.has(code)
    ? (code as AuditOutcome)
    : AuditOutcome.INTERNAL_SERVER_ERROR;
}
