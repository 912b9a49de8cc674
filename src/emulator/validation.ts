// Request validation driven by small shape descriptions of the API model. Like the service:
// a value of the wrong JSON type fails deserialization (SerializationException); a value that
// breaks a constraint (length, range, pattern, enum, required) is collected into one
// "N validation errors detected" BadRequest. Unknown members are ignored; null means absent.

import { ServiceError, badRequest } from './errors';

export type Shape = StringShape | NumberShape | BooleanShape | ListShape | StructureShape;

export interface StringShape {
  readonly type: 'string';
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
  readonly enum?: readonly string[];
}

export interface NumberShape {
  /** integer: 32-bit; long: any safe integer. */
  readonly type: 'integer' | 'long';
  readonly min?: number;
  readonly max?: number;
}

export interface BooleanShape {
  readonly type: 'boolean';
}

export interface ListShape {
  readonly type: 'list';
  readonly member: Shape;
  readonly min?: number;
  readonly max?: number;
}

export interface StructureShape {
  readonly type: 'structure';
  readonly members: Readonly<Record<string, Shape>>;
  readonly required?: readonly string[];
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** Enough for any real request; keeps a hostile one from building a huge message. */
const MAX_REPORTED_VIOLATIONS = 10;

/**
 * Checks `value` against `shape` and returns a copy holding only modelled members. Throws
 * ServiceError: SerializationException for wrong JSON types, BadRequest for constraint violations.
 */
export function validateInput(shape: StructureShape, value: unknown): Record<string, unknown> {
  const violations: string[] = [];
  const result = check(shape, value, '', violations) as Record<string, unknown> | undefined;
  if (violations.length > 0) {
    const count = violations.length;
    const shown = violations.slice(0, MAX_REPORTED_VIOLATIONS).join('; ');
    throw badRequest(`${count} validation error${count === 1 ? '' : 's'} detected: ${shown}`);
  }
  return result ?? {};
}

function check(shape: Shape, value: unknown, path: string, violations: string[]): unknown {
  switch (shape.type) {
    case 'string':
      return checkString(shape, value, path, violations);
    case 'integer':
    case 'long':
      return checkNumber(shape, value, path, violations);
    case 'boolean':
      if (typeof value !== 'boolean') {
        throw typeError(path, 'a boolean', value);
      }
      return value;
    case 'list':
      return checkList(shape, value, path, violations);
    case 'structure':
      return checkStructure(shape, value, path, violations);
  }
}

function checkString(shape: StringShape, value: unknown, path: string, violations: string[]): string {
  if (typeof value !== 'string') {
    throw typeError(path, 'a string', value);
  }
  // Lengths count code points, as the service (Java) does for these constraints.
  const length = countCodePoints(value);
  if (shape.min !== undefined && length < shape.min) {
    violations.push(violation(value, path, `Member must have length greater than or equal to ${shape.min}`));
  } else if (shape.max !== undefined && length > shape.max) {
    violations.push(violation(value, path, `Member must have length less than or equal to ${shape.max}`));
  } else if (shape.enum && !shape.enum.includes(value)) {
    violations.push(violation(value, path, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`));
  } else if (shape.pattern && !shape.pattern.test(value)) {
    violations.push(violation(value, path, `Member must satisfy regular expression pattern: ${shape.pattern.source}`));
  }
  return value;
}

function checkNumber(shape: NumberShape, value: unknown, path: string, violations: string[]): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw typeError(path, shape.type === 'integer' ? 'an integer' : 'a long', value);
  }
  const inRange = shape.type === 'integer' ? value >= INT32_MIN && value <= INT32_MAX : Number.isSafeInteger(value);
  if (!inRange) {
    throw new ServiceError('SerializationException', `Numeric value (${value}) out of range at '${describePath(path)}'`);
  }
  if (shape.min !== undefined && value < shape.min) {
    violations.push(violation(value, path, `Member must have value greater than or equal to ${shape.min}`));
  } else if (shape.max !== undefined && value > shape.max) {
    violations.push(violation(value, path, `Member must have value less than or equal to ${shape.max}`));
  }
  return value;
}

function checkList(shape: ListShape, value: unknown, path: string, violations: string[]): unknown[] {
  if (!Array.isArray(value)) {
    throw typeError(path, 'a list', value);
  }
  if (shape.min !== undefined && value.length < shape.min) {
    violations.push(violation(value, path, `Member must have length greater than or equal to ${shape.min}`));
  } else if (shape.max !== undefined && value.length > shape.max) {
    violations.push(violation(value, path, `Member must have length less than or equal to ${shape.max}`));
  }
  return value.map((item, index) => {
    const itemPath = `${path}.${index + 1}.member`;
    if (item === null) {
      violations.push(violation(null, itemPath, 'Member must not be null'));
      return undefined;
    }
    return check(shape.member, item, itemPath, violations);
  });
}

function checkStructure(
  shape: StructureShape,
  value: unknown,
  path: string,
  violations: string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw typeError(path, 'a structure', value);
  }
  const input = value as Record<string, unknown>;
  const output: Record<string, unknown> = {};
  for (const [name, memberShape] of Object.entries(shape.members)) {
    const memberPath = path ? `${path}.${lowerFirst(name)}` : lowerFirst(name);
    const member = Object.prototype.hasOwnProperty.call(input, name) ? input[name] : undefined;
    if (member === undefined || member === null) {
      if (shape.required?.includes(name)) {
        violations.push(violation(null, memberPath, 'Member must not be null'));
      }
      continue;
    }
    output[name] = check(memberShape, member, memberPath, violations);
  }
  return output;
}

function typeError(path: string, expected: string, value: unknown): ServiceError {
  const where = path ? `'${describePath(path)}'` : 'the request body';
  return new ServiceError('SerializationException', `Expected ${expected} at ${where} but found ${jsonKind(value)}`);
}

function jsonKind(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isInteger(value) ? 'an integer' : 'a decimal number';
    case 'boolean':
      return 'a boolean';
    default:
      return 'an object';
  }
}

function violation(value: unknown, path: string, constraint: string): string {
  return `Value ${renderValue(value)} at '${describePath(path)}' failed to satisfy constraint: ${constraint}`;
}

function renderValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    // Shallow on purpose: items may be arbitrarily deep client input.
    const text = `[${value.map((item) => (item !== null && typeof item === 'object' ? '{...}' : String(item))).join(', ')}]`;
    return `'${truncate(text)}'`;
  }
  return `'${truncate(String(value))}'`;
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

function describePath(path: string): string {
  return path || 'request';
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function countCodePoints(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
      }
    }
    count++;
  }
  return count;
}
