import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  SECRETARIAT = 'SECRETARIAT',
  COUNTRY_FOCAL_POINT = 'COUNTRY_FOCAL_POINT',
  MEMBER_FOCAL_POINT = 'MEMBER_FOCAL_POINT',
  OBSERVER = 'OBSERVER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do: see the role table in the API contract',
});

export const EVERY_ROLE: Role[] = Object.values(Role);
