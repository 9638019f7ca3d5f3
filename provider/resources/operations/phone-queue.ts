/**
 * One operation per phone at a time, within a deployment (one provider process). The engine runs resources that do
 * not depend on each other side by side, so an AppInstallation, a PhoneCommand and a PhoneReboot on the same phones
 * would otherwise race: a command or an install sent while a reboot has the phone starting fails with CPS.0191
 * "instance is not running". Each operation queues on every phone it touches and starts once every operation queued
 * earlier on any of them has ended; operations on other phones run side by side.
 *
 * FIFO per phone, in the order the engine hands the operations over (the order `run` is called). Deadlock-free: an
 * operation waits only for operations queued before it, and takes all of its phones at once. A reboot or reset holds
 * its phones until they run again (phone-power.ts waits inside `run`), so the next operation finds them running.
 */
export class PhoneQueue {
  /** phone → when the last operation queued on it ends (never rejects). */
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` once every operation queued earlier on any of `instanceIds` has ended. */
  async run<T>(instanceIds: readonly string[], work: () => Promise<T>): Promise<T> {
    const phones = [...new Set(instanceIds)];
    const earlier = phones.flatMap((id) => this.tails.get(id) ?? []);
    let release: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (release = resolve));
    // Queued synchronously, so the order of calls is the order of runs.
    for (const id of phones) this.tails.set(id, ended);
    try {
      await Promise.all(earlier);
      return await work();
    } finally {
      release();
      for (const id of phones) if (this.tails.get(id) === ended) this.tails.delete(id);
    }
  }

  /** Phones with an operation running or queued (for tests and diagnostics). */
  busyPhones(): string[] {
    return [...this.tails.keys()];
  }
}

let shared: PhoneQueue | undefined;

/** The provider process's queue: every resource of a deployment shares it. */
export function phoneQueue(): PhoneQueue {
  shared ??= new PhoneQueue();
  return shared;
}
