import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OrganizationKind } from '../organization-kind';
import type { MessageKey } from '../../i18n/catalogs';

@InputType()
export class CreateOrganizationInput {
  @Field()
  @IsString()
  @Length(1, 200)
  // Blank names and bidirectional controls: checked by the service with the country, so
  // that one answer names both (nameProblem).
  name: string;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2 code of its home country, if any' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, {
    message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code',
    context: { i18n: 'reference.countryCodeFormat' satisfies MessageKey },
  })
  countryCode?: string;
}
