import { graphql, ResultOf } from '../../graphql';
import type { Me } from '../../session';

export const IMPORT_JOB = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      id
      kind
      dryRun
      status
      total
      processed
      created
      updated
      rejected
      problems {
        row
        field
        message
      }
    }
  }
`);

export const IMPORT_PROGRESS = graphql(`
  subscription ImportProgress($id: ID!) {
    importProgress(id: $id) {
      id
      kind
      dryRun
      status
      total
      processed
      created
      updated
      rejected
      problems {
        row
        field
        message
      }
    }
  }
`);

export type ImportJob = ResultOf<typeof IMPORT_JOB>['importJob'];
export type ImportKind = 'needs' | 'offers';

/** What a role imports (the API refuses the rest): the secretariat both. */
export function kindsOf(role: Me['role']): ImportKind[] {
  if (role === 'SECRETARIAT') return ['needs', 'offers'];
  if (role === 'COUNTRY_FOCAL_POINT') return ['needs'];
  if (role === 'MEMBER_FOCAL_POINT') return ['offers'];
  return [];
}

export function isFinished(job: Pick<ImportJob, 'status'> | undefined): boolean {
  return job?.status === 'DONE' || job?.status === 'FAILED';
}
