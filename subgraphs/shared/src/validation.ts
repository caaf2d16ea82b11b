import {
  IsDefined,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

/**
 * For update inputs: the field may be left out, but if it is given it must be valid — null is
 * not a way to clear a field that must have a value. (type-graphql validates with
 * `skipMissingProperties`, which lets null past every check but IsDefined.)
 */
export function Optional(options?: ValidationOptions): PropertyDecorator {
  const given = ValidateIf((_object, value) => value !== undefined, options);
  const notNull = IsDefined({ message: '$property cannot be cleared; leave it out to keep it' });
  return (target, property) => {
    given(target, property);
    notNull(target, property);
  };
}

const given = (value: unknown) => value !== null && value !== undefined;
const day = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

/**
 * A date that, when both are given, is not before the date in `property`. An update that gives
 * only one of them is checked against the stored row instead.
 */
export function OnOrAfter(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'onOrAfter',
      constraints: [property],
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[property];
          return !given(value) || !given(other) || day(value) >= day(other);
        },
        defaultMessage: () => `$property must not be before ${property}`,
      },
    },
    options,
  );
}
