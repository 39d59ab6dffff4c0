import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { NotificationKind } from './notification-kind';

@ObjectType({
  description:
    "Something that happened that the user should know of, in the user's language; also e-mailed unless muted",
})
@Entity('notifications')
@Index(['userId', 'createdAt'])
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Field(() => NotificationKind)
  @Column({ type: 'simple-enum', enum: NotificationKind })
  kind: NotificationKind;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where to see it: an address under the service',
  })
  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  @Field()
  @Column(timestampColumn())
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column(timestampColumn({ nullable: true }))
  readAt: Date | null;

  /**
   * Set for a notification that must exist at most once (a reminder, a day's digest): a
   * second writer of the same key (another instance, a job run twice) writes nothing.
   */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;
}
