/**
 * The published JSON Schema of report.json (docs/report.schema.json), generated from the zod schema so the
 * two never drift: `npm run schema` writes it, test/report/schema.test.ts compares. Pure.
 */
import { z } from 'zod';
import { REPORT_FORMAT, runReportSchema } from './model.js';

export const SCHEMA_PATH = 'docs/report.schema.json';

export function reportJsonSchemaText(): string {
  const schema = {
    ...z.toJSONSchema(runReportSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    title: `throwfuzz run report (${REPORT_FORMAT})`,
    description:
      'report.json as `throwfuzz fuzz` and `throwfuzz report merge` write it (src/report/model.ts).',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
