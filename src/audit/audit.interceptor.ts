import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { from, mergeMap, Observable, tap } from 'rxjs';
import type { GraphQLContext } from '../common/graphql-context';
import { runAudited } from './audit-context';
import { AuditService } from './audit.service';

/**
 * Runs every GraphQL mutation inside its audit context, so that its first transaction
 * records it, and records a mutation that succeeded without one. Failures, including the
 * refusals of the access guard (which runs before any interceptor), are recorded by the
 * AuditPlugin once the answer is known.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType !== info.schema.getMutationType()) return next.handle();

    const { req } = gql.getContext<GraphQLContext>();
    const audit = this.audit.begin(
      req,
      String(info.path.key),
      info.fieldName,
      req.user,
      gql.getArgs<Record<string, unknown>>(),
    );
    // handle() binds the resolver to the current async context: make it the audited one.
    return runAudited(audit, (): Observable<unknown> => next.handle()).pipe(
      tap({ error: () => audit.close() }),
      mergeMap((result) => from(this.audit.succeeded(audit, result).then(() => result))),
    );
  }
}
