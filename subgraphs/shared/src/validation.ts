import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * For update inputs: the field may be left out, but if it is given it must be valid — null is
 * not a way to clear a field that must have a value.
 */
export function Optional(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}
