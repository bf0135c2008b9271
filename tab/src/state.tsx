import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ApiClient, Me, Theme } from './api';

/** What every page shares: the API client, who is signed in, the locale and the plan (loaded once). */
export interface AppState {
  api: ApiClient;
  me: Me;
  locale: string;
  plan: Theme[];
  /** Whether the service can create Teams meetings for facilitators (else they paste a link). */
  meetingCreation: boolean;
}

const AppContext = createContext<AppState | undefined>(undefined);

/** Provides the shared state to the pages. */
export const AppStateProvider = AppContext.Provider;

/** The shared state; only used inside the provider. */
export function useAppState(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useAppState must be used inside AppStateProvider.');
  return state;
}

/** The result of loading something from the API. */
export type Loaded<T> =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; value: T };

/** Loads with `load` whenever `key` changes; `reload` loads again without showing a spinner. */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => Promise<void>] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const run = useCallback(async () => {
    try {
      setState({ status: 'ready', value: await load() });
    } catch (error) {
      setState({ status: 'failed', message: messageOf(error) });
    }
  }, [key]); // `key` stands for everything `load` depends on.
  useEffect(() => {
    setState({ status: 'loading' });
    void run();
  }, [run]);
  return [state, run];
}

/** A sentence for any error, for showing to the person. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
