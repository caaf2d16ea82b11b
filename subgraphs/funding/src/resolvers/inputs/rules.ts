import {
  isUUID,
  ValidateBy,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

/** An amount of money, as `numeric(16, 2)` holds it: no sign, at most two decimals. */
export const MONEY = /^\d{1,14}(\.\d{1,2})?$/;
/** An amount of money above zero. */
export const POSITIVE_MONEY = /^(?!0+(\.0+)?$)\d{1,14}(\.\d{1,2})?$/;
/** An indicator value, as `numeric(18, 4)` holds it. */
export const MEASURE = /^-?\d{1,14}(\.\d{1,4})?$/;
/** A project code, such as "CGC-2021-0042". */
export const PROJECT_CODE = /^[A-Z0-9][A-Z0-9-]{2,31}$/;
/** What an ISO 3166-1 alpha-3 code looks like before it is normalised. */
export const ISO3_LIKE = /^\s*[A-Za-z]{3}\s*$/;

const given = (value: unknown) => value !== null && value !== undefined;

/** Exactly one of this field and `other` is given. */
export function OneOf(other: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'oneOf',
      constraints: [other],
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          given(value) !== given((args.object as Record<string, unknown>)[other]),
        defaultMessage: () => `$property or ${other} must be given, not both`,
      },
    },
    options,
  );
}

/** Given exactly when `when` holds for the object, such as a date that only some states carry. */
export function GivenOnlyIf(
  when: (object: Record<string, unknown>) => boolean,
  describe: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'givenOnlyIf',
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          given(value) === when(args.object as Record<string, unknown>),
        defaultMessage: () => `$property must be given when ${describe}, and left out otherwise`,
      },
    },
    options,
  );
}

/**
 * A UUID or nothing; unlike `@IsOptional()` it leaves the property's other rules running when
 * the value is left out, for rules such as `@OneOf`.
 */
export function UuidIfGiven(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'uuidIfGiven',
      validator: {
        validate: (value: unknown) => !given(value) || isUUID(value),
        defaultMessage: () => `$property must be a UUID`,
      },
    },
    options,
  );
}
