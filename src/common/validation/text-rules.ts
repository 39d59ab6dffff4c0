import { applyDecorators } from '@nestjs/common';
import { IsString, Length, Matches } from 'class-validator';

/** A required human text: a string of min..max characters that is not only spaces. */
export function IsText(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Length(min, max),
    Matches(/\S/, { message: ({ property }) => `${property} must not be blank` }),
  );
}

export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const WORKING_GROUP_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
