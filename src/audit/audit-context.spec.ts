import { DataSource } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { AuditContext, runAudited } from './audit-context';
import { AuditEntry } from './audit-entry.entity';
import { AuditOutcome } from './audit-outcome';

const ACTOR = { userId: null, email: 'focal@hn.test', role: null };
const NEED = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the audit entry of a mutation and its transactions', () => {
  let dataSource: DataSource;
  let transactions: TransactionRunner;

  beforeEach(async () => {
    dataSource = new DataSource({
      type: 'sqlite',
      database: ':memory:',
      entities: [AuditEntry],
      synchronize: true,
    });
    await dataSource.initialize();
    transactions = new TransactionRunner(dataSource);
  });

  afterEach(() => dataSource.destroy());

  const rows = () => dataSource.getRepository(AuditEntry).find();

  it('is appended once, by the first transaction, with what it returned', async () => {
    const audit = new AuditContext('proposeTwinning', ACTOR, [NEED]);
    await runAudited(audit, async () => {
      await transactions.run(() => Promise.resolve({ id: 'first-result' }));
      await transactions.run(() => Promise.resolve({ id: 'second-result' }));
    });
    expect(audit.isRecorded()).toBe(true);
    expect(await rows()).toEqual([
      {
        id: expect.any(String),
        createdAt: expect.any(Date),
        operation: 'proposeTwinning',
        ...ACTOR,
        targetIds: [NEED, 'first-result'],
        outcome: AuditOutcome.OK,
      },
    ]);
  });

  it('is rolled back with a transaction that fails, and carried by the next one', async () => {
    const audit = new AuditContext('updateNeed', ACTOR, [NEED]);
    await runAudited(audit, async () => {
      await expect(transactions.run(() => Promise.reject(new Error('refused')))).rejects.toThrow(
        'refused',
      );
      expect(audit.isRecorded()).toBe(false);
      expect(await rows()).toEqual([]);
      await transactions.run(() => Promise.resolve(undefined));
    });
    expect((await rows()).map((row) => row.targetIds)).toEqual([[NEED]]);
  });

  it('is not appended by transactions outside the mutation or after it returned', async () => {
    const audit = new AuditContext('createNeed', ACTOR, []);
    await transactions.run(() => Promise.resolve(undefined));
    await runAudited(audit, async () => {
      audit.close();
      await transactions.run(() => Promise.resolve(undefined));
    });
    expect(await rows()).toEqual([]);
  });
});
