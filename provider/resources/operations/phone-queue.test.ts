import { PhoneQueue } from './phone-queue';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A job that records when it starts and ends, and ends only when told. */
function job(log: string[], name: string) {
  let finish: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  return {
    finish,
    work: async () => {
      log.push(`${name} start`);
      await gate;
      log.push(`${name} end`);
      return name;
    },
  };
}

describe('PhoneQueue', () => {
  test('operations sharing a phone run one after another, in the order they were queued', async () => {
    const q = new PhoneQueue();
    const log: string[] = [];
    const install = job(log, 'install');
    const command = job(log, 'command');
    const reboot = job(log, 'reboot');
    const runs = [
      q.run(['a', 'b'], install.work),
      q.run(['b', 'c'], command.work),
      q.run(['a', 'b', 'c'], reboot.work),
    ];
    await tick();
    expect(log).toEqual(['install start']);
    command.finish(); // finishing early changes nothing: it has not started
    await tick();
    expect(log).toEqual(['install start']);
    install.finish();
    while (!log.includes('reboot start')) await tick();
    expect(log).toEqual(['install start', 'install end', 'command start', 'command end', 'reboot start']);
    reboot.finish();
    await expect(Promise.all(runs)).resolves.toEqual(['install', 'command', 'reboot']);
    expect(q.busyPhones()).toEqual([]);
  });

  test('operations on other phones run side by side', async () => {
    const q = new PhoneQueue();
    const log: string[] = [];
    const one = job(log, 'one');
    const two = job(log, 'two');
    const runs = [q.run(['a'], one.work), q.run(['b'], two.work)];
    await tick();
    expect(log).toEqual(['one start', 'two start']);
    two.finish();
    one.finish();
    await Promise.all(runs);
  });

  test('a failed operation releases its phones; the next one runs and the failure reaches its caller', async () => {
    const q = new PhoneQueue();
    const failing = q.run(['a'], () => Promise.reject(new Error('CPS.0191')));
    const next = q.run(['a', 'a'], () => Promise.resolve('ran'));
    await expect(failing).rejects.toThrow('CPS.0191');
    await expect(next).resolves.toBe('ran');
    expect(q.busyPhones()).toEqual([]);
  });

  test('no deadlock when two operations name the same phones in opposite orders', async () => {
    const q = new PhoneQueue();
    const order: string[] = [];
    await Promise.all([
      q.run(['a', 'b'], async () => void order.push('ab')),
      q.run(['b', 'a'], async () => void order.push('ba')),
    ]);
    expect(order).toEqual(['ab', 'ba']);
  });
});
