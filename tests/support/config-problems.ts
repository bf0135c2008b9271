import { ConfigError, loadConfig } from '../../bot/config';

/** The problems loadConfig reports for these variables (none when they are valid). */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
