import ISO6391 from 'iso-639-1';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** An ISO 639-1 language code in lower case: "es", "en", "fr", "pt". */
export function IsLanguageCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isLanguageCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: ({ property }) => `${property} must hold ISO 639-1 language codes such as "es"`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^[a-z]{2}$/.test(value) && ISO6391.validate(value),
      },
    });
}
