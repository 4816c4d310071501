import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';

/**
 * A nested object field: present (unless optional), an object and not an array or a scalar,
 * and valid itself. `@ValidateNested` alone lets `[]` and a missing object through, which once
 * put a case without a citizen into the event store (issue 10).
 */
export function NestedObject(type: () => new () => object, options: { optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    options.optional ? IsOptional() : IsDefined({ message: '$property is required' }),
    IsObject({ message: '$property must be an object' }),
    ValidateNested(),
    Type(type),
  );
}
