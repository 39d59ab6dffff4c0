import { applyDecorators } from '@nestjs/common';
import { isEmail, Length, ValidateBy } from 'class-validator';

/** A surrogate without its pair: text that is not well-formed UTF-16. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * An e-mail address (a host without a top-level domain is fine: `secretariat@localhost`),
 * 3 to 254 characters. Text that is not well-formed UTF-16 (a lone surrogate) is refused
 * like any other non-address: class-validator's own isEmail throws on it ("URI malformed"),
 * which would answer an internal error.
 */
export function IsEmailAddress(): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isEmail',
        validator: {
          validate: (value: unknown) =>
            typeof value === 'string' &&
            !LONE_SURROGATE.test(value) &&
            isEmail(value, { require_tld: false }),
        },
      },
      { message: '$property must be an e-mail address', context: { i18n: 'common.email' } },
    ),
    Length(3, 254),
  );
}
