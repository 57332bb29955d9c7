/** docs/report.schema.json is what the zod schema of report.json generates now (npm run schema writes it). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportJsonSchemaText, SCHEMA_PATH } from '../../src/report/schema.js';

describe('docs/report.schema.json', () => {
  it('equals the JSON Schema generated from src/report/model.ts (run npm run schema after a change)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(join(import.meta.dirname, '../..', SCHEMA_PATH), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(reportJsonSchemaText()));
  });

  it('describes the report format it publishes', () => {
    const schema = JSON.parse(reportJsonSchemaText()) as { properties: { format: { const: string } } };
    expect(schema.properties.format.const).toBe('throwfuzz-report/3');
  });
});
