import { StoreUnavailableError } from '../../core/errors';
import { guardPort, type FaultClassifier } from '../../storage/guard';

/** A port whose methods fail on demand, the way a driver does. */
class FlakyPort {
  readonly label = 'flaky';
  read(fail: 'no' | 'fault' | 'bug'): Promise<string> {
    if (fail === 'fault') return Promise.reject(new Error('SQLITE_BUSY'));
    if (fail === 'bug') return Promise.reject(new TypeError('not a store fault'));
    return Promise.resolve('row');
  }
  write(): Promise<void> {
    throw new Error('SQLITE_FULL');
  }
}

const classifier: FaultClassifier = {
  describe: (error) =>
    error instanceof Error && error.message.startsWith('SQLITE_') ? error.message : undefined,
};

describe('guarded store ports', () => {
  const port = guardPort(new FlakyPort(), classifier, 'flaky');

  it('rejects a store fault, thrown or rejected, as StoreUnavailableError naming the port', async () => {
    await expect(port.read('fault')).rejects.toMatchObject({
      name: 'StoreUnavailableError',
      message: 'The flaky store is unavailable (SQLITE_BUSY).',
    });
    await expect(port.write()).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('passes answers and other errors through unchanged', async () => {
    await expect(port.read('no')).resolves.toBe('row');
    await expect(port.read('bug')).rejects.toBeInstanceOf(TypeError);
    expect(port.label).toBe('flaky');
  });

  it('hands out one guarded function per method, however often it is read', async () => {
    const read: unknown = Reflect.get(port, 'read');
    expect(Reflect.get(port, 'read')).toBe(read);
    expect(Reflect.get(port, 'write')).not.toBe(read);
    await expect((read as FlakyPort['read'])('no')).resolves.toBe('row');
  });
});
