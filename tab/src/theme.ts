import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';

/** The three Teams themes. */
export type ThemeName = 'default' | 'dark' | 'contrast';

/** Reads a Teams theme name (from the host context or a `?theme=` URL placeholder); unknown means default. */
export function themeNameOf(value: string | null | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/** The Fluent UI theme that matches a Teams theme. */
export function fluentThemeOf(name: ThemeName): Theme {
  if (name === 'dark') return teamsDarkTheme;
  if (name === 'contrast') return teamsHighContrastTheme;
  return teamsLightTheme;
}
