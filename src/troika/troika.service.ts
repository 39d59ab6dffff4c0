import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { ConflictError, FieldProblems } from '../common/errors/domain-errors';
import { checkPeriod } from '../common/validation/input-rules';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { ChairTerm } from './chair-term.entity';
import { ChairTermInput } from './dto/chair-term.input';
import { overlap, troikaAt, TroikaSeats } from './troika';

/** The chairs of the Support Platform over time, and the troika they make now. */
@Injectable()
export class TroikaService {
  constructor(
    @InjectRepository(ChairTerm) private readonly terms: Repository<ChairTerm>,
    private readonly organizations: OrganizationsService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Every term, the latest started first. */
  list(): Promise<ChairTerm[]> {
    return this.terms.find({ order: { from: 'DESC', role: 'ASC' } });
  }

  /** The troika at the clock's now (troika.ts). */
  async now(): Promise<TroikaSeats<ChairTerm>> {
    return troikaAt(await this.terms.find(), this.clock.now());
  }

  /**
   * Records a term; one of the same seat starting at the same moment is replaced (a
   * correction). CONFLICT when another term of the seat overlaps it.
   */
  async set(input: ChairTermInput): Promise<ChairTerm> {
    const problems = new FieldProblems();
    await this.organizations.checkExists(problems, 'organizationId', input.organizationId);
    checkPeriod(problems, 'to', input.from, input.to);
    problems.throwIfAny();

    const period = { from: input.from, to: input.to ?? null };
    return this.transactions.run(async (manager) => {
      const seat = await manager.find(ChairTerm, {
        where: { role: input.role },
        lock: writeLock(manager),
      });
      const same = seat.find((term) => term.from.getTime() === input.from.getTime());
      const clash = seat.find((term) => term !== same && overlap(term, period));
      if (clash) {
        const holder = await manager.findOneByOrFail(Organization, { id: clash.organizationId });
        throw new ConflictError(
          msg('troika.overlapping', { organization: holder.name, from: clash.from }),
          'OVERLAPPING_TERM',
        );
      }
      const now = this.clock.now();
      return manager.save(
        manager.create(ChairTerm, {
          ...(same ?? { createdAt: now }),
          organizationId: input.organizationId,
          role: input.role,
          from: input.from,
          to: period.to,
          theme: input.theme?.trim() ?? null,
          updatedAt: now,
        }),
      );
    });
  }
}
