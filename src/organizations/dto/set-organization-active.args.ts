import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsUUID } from 'class-validator';
import type { MessageKey } from '../../i18n/catalogs';

@ArgsType()
export class SetOrganizationActiveArgs {
  @Field(() => ID)
  @IsUUID('all', {
    message: 'id must be an id',
    context: { i18n: 'common.id' satisfies MessageKey },
  })
  id: string;

  @Field({
    description:
      "false signs the organization's focal points out everywhere and refuses their logins",
  })
  @IsBoolean()
  active: boolean;
}
