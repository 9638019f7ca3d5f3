import type { KooPhoneClient } from '../client';
import { instanceGroupInputsSchema } from '../schemas/resources/instance-group';
import { applyAutoRenew, warnRecordedOnly } from './group-billing';
import type { Progress } from './progress';

function recorder(): Progress & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, status: () => undefined, warn: (m) => warnings.push(m) };
}

describe('InstanceGroup billing changes', () => {
  it('sets auto-renew only on the subscriptions that differ, one call each', async () => {
    const policy = new Map([
      ['a', 3],
      ['b', 0],
      ['c', 0],
    ]);
    const set: string[] = [];
    const client = {
      billing: {
        querySubscriptions: async (ids: string[]) =>
          ids
            .filter((id) => policy.has(id))
            .map((id) => ({ resource_id: id, expire_policy: policy.get(id), status: 2 })),
        setAutoRenew: async (id: string, on: boolean) => {
          set.push(id);
          policy.set(id, on ? 3 : 0);
        },
      },
    } as unknown as KooPhoneClient;
    expect(await applyAutoRenew(client, ['a', 'b', 'c', 'gone'], true, recorder())).toBe(2);
    expect(set.sort()).toEqual(['b', 'c']);
    // Applied again (an interrupted run resumed): nothing left to change.
    expect(await applyAutoRenew(client, ['a', 'b', 'c'], true, recorder())).toBe(0);
  });

  it('warns that period and payment changes apply to phones bought from now on', () => {
    const base = {
      size: 2,
      os: 'AOSP11',
      instanceSkuId: 'kp.professional.xlarge.32g.2',
      bandSize: 4,
      regionId: 'cn-north-4',
    };
    const olds = instanceGroupInputsSchema.parse(base);
    const progress = recorder();
    warnRecordedOnly(olds, instanceGroupInputsSchema.parse({ ...base, charge: { autoRenew: true } }), progress);
    expect(progress.warnings).toEqual([]);
    warnRecordedOnly(olds, instanceGroupInputsSchema.parse({ ...base, charge: { periodNum: 3 } }), progress);
    expect(progress.warnings).toHaveLength(1);
    expect(progress.warnings[0]).toMatch(
      /charge\.periodNum changed: applies to the phones this group buys from now on/,
    );
  });
});
