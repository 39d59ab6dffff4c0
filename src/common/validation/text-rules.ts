import { applyDecorators } from '@nestjs/common';
import { IsString, Length, ValidateBy } from 'class-validator';
import { msg } from '../../i18n/catalogs';
import type { Message } from '../../i18n/message';

/**
 * Something a reader can see: a character that is neither white space nor an invisible
 * format character (zero-width space and joiners, the byte-order mark, word joiner, soft
 * hyphen, bidirectional marks: Unicode category Cf).
 */
const VISIBLE = /[^\s\p{Cf}]/u;

/**
 * The bidirectional embedding, override and isolate controls. In a name or title they make
 * text display in another order than it is stored ("Trojan source"), so that one need can
 * pass for another in a list.
 */
const NO_BIDI_CONTROL = /^[^\u202A-\u202E\u2066-\u2069]*$/u;

const blankMessage = (property: string) => `${property} must not be blank`;
const bidiMessage = (property: string) =>
  `${property} must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)`;

/**
 * What is wrong with `text` as a name or title, for checks made in a service (to be
 * reported with the input's other problems): the messages of IsName, as Messages of the
 * catalogs (`common.blank`, `common.bidi`), read in the caller's language.
 */
export function nameProblem(property: string, text: string): Message | undefined {
  if (!VISIBLE.test(text)) return msg('common.blank', { property });
  if (!NO_BIDI_CONTROL.test(text)) return msg('common.bidi', { property });
  return undefined;
}

/**
 * The two text rules as constraints of their own (`blank`, `bidi`: the names of their
 * messages in the catalogs), so that a text breaking both is told each.
 */
const NotBlank = (): PropertyDecorator =>
  ValidateBy({
    name: 'blank',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && VISIBLE.test(value),
      defaultMessage: (args) => blankMessage(args?.property ?? 'value'),
    },
  });

const NoBidiControl = (): PropertyDecorator =>
  ValidateBy({
    name: 'bidi',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && NO_BIDI_CONTROL.test(value),
      defaultMessage: (args) => bidiMessage(args?.property ?? 'value'),
    },
  });

/** A required human text: a string of min..max characters with something visible in it. */
export function IsText(min: number, max: number): PropertyDecorator {
  return applyDecorators(IsString(), Length(min, max), NotBlank());
}

/**
 * A name or title, shown in lists where people tell records apart by it: a required human
 * text without bidirectional controls.
 */
export function IsName(min: number, max: number): PropertyDecorator {
  return applyDecorators(IsText(min, max), NoBidiControl());
}

export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const WORKING_GROUP_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
