import fs from 'node:fs';
import path from 'node:path';

const TAB_SOURCE = path.join(__dirname, '..', '..', 'tab', 'src');

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every import statement of a file that names the shared wire format (contract/). */
function contractImports(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\b[^;]*?from\s+'[./]*contract(?:\/[\w-]+)?';/gms)].map(
    (match) => match[0],
  );
}

describe("the tab's types for the API", () => {
  it('come from the shared wire format: the client declares no request or answer shapes of its own', () => {
    const client = fs.readFileSync(path.join(TAB_SOURCE, 'api.ts'), 'utf8');
    expect(contractImports(client).length).toBeGreaterThan(0);
    expect(client).not.toMatch(/^export (?:interface|type) \w+ = \{|^(?:export )?interface /m);
    const calls = client.match(/this\.call</g) ?? [];
    const typedByContract = client.match(/this\.call<\s*AnswerOf<typeof \w+\.\w+>>/g) ?? [];
    expect(calls.length).toBeGreaterThan(20);
    expect(typedByContract.length).toBe(calls.length);
  });

  it('are imported as types only, so zod never reaches the bundle', () => {
    const valueImports = sourcesUnder(TAB_SOURCE).flatMap((file) =>
      contractImports(fs.readFileSync(file, 'utf8'))
        .filter((statement) => !/^(?:import|export) type\b/.test(statement))
        .map((statement) => `${path.relative(TAB_SOURCE, file)}: ${statement}`),
    );
    expect(valueImports).toEqual([]);
    const zodImports = sourcesUnder(TAB_SOURCE).filter((file) =>
      /from\s+'zod'/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(zodImports).toEqual([]);
  });
});
