import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationKind {
  STATE = 'STATE',
  INTERNATIONAL_ORGANIZATION = 'INTERNATIONAL_ORGANIZATION',
  FINANCIAL_INSTITUTION = 'FINANCIAL_INSTITUTION',
  REGIONAL_BODY = 'REGIONAL_BODY',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  ACADEMIA = 'ACADEMIA',
}

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
