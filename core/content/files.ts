import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';

/** Reads a YAML content file and checks it against a schema; throws with file and field on any problem. */
export function readYamlFile<T>(file: string, schema: z.ZodType<T>): T {
  const text = fs.readFileSync(file, 'utf8');
  const data: unknown = YAML.parse(text, { schema: 'core' });
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${path.basename(file)}: ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Content is not valid:\n${problems.join('\n')}`);
  }
  return result.data;
}
