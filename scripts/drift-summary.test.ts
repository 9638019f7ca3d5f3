// The drift report of examples/drift-detection (plain JS, so that the scheduled job needs no build): billing drift.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { driftReport } = require('../examples/drift-detection/summarize-drift.js') as {
  driftReport: (preview: unknown, opts?: { expiringWithinDays?: number; now?: number }) => string[];
};

const urn = 'urn:pulumi:s::p::pulumi-nodejs:dynamic/koophone:Instance::desk-1';
const now = Date.parse('2025-01-01T00:00:00Z');
const phone = (op: string, autoRenew: boolean, expireTime: string) => ({
  op,
  urn,
  oldState: { inputs: { charge: { autoRenew: true } }, outputs: { autoRenew, expireTime } },
  newState: { inputs: { charge: { autoRenew: true } } },
});

describe('drift-detection summary: subscriptions', () => {
  it('names an auto-renew change made in the Billing Center', () => {
    expect(driftReport({ steps: [phone('update', false, '2025-06-01T00:00:00Z')] })).toEqual([
      '~ koophone:Instance desk-1: `pulumi up` would update it',
      expect.stringMatching(/^ {4}autoRenew: true → false \(changed outside Pulumi, e\.g\. in the Billing Center/),
    ]);
  });

  it('fails on a phone expiring within the configured days, and only then', () => {
    const steps = [phone('same', true, '2025-01-04T00:00:00Z')];
    expect(driftReport({ steps }, { expiringWithinDays: 7, now })).toEqual([
      expect.stringMatching(
        /^! koophone:Instance desk-1: subscription expires in 3 day\(s\) \(2025-01-04T00:00:00Z\); renew it/,
      ),
    ]);
    expect(driftReport({ steps }, { expiringWithinDays: 2, now })).toEqual([]);
    expect(driftReport({ steps })).toEqual([]);
  });

  const groupUrn = 'urn:pulumi:s::p::pulumi-nodejs:dynamic/koophone:InstanceGroup::fleet';
  const group = (op: string, members: { expiryAction: string; expireTime: string }[]) => ({
    op,
    urn: groupUrn,
    oldState: {
      inputs: { charge: { autoRenew: false } },
      outputs: { instances: members.map((m, slot) => ({ slot, instanceId: `id${slot}`, ...m })) },
    },
    newState: { inputs: { charge: { autoRenew: false } } },
  });

  it('names the InstanceGroup member whose auto-renew was changed in the Billing Center', () => {
    const steps = [
      group('update', [
        { expiryAction: 'release', expireTime: '2025-06-01T00:00:00Z' },
        { expiryAction: 'renew', expireTime: '2025-06-01T00:00:00Z' },
      ]),
    ];
    expect(driftReport({ steps })).toEqual([
      '~ koophone:InstanceGroup fleet: `pulumi up` would update it',
      expect.stringMatching(
        /^ {4}autoRenew of id1 \(slot 1\): false → true \(changed outside Pulumi, e\.g\. in the Billing Center/,
      ),
    ]);
  });

  it('fails on InstanceGroup members expiring within the configured days, naming them, and only then', () => {
    const steps = [
      group('same', [
        { expiryAction: 'release', expireTime: '2025-03-01T00:00:00Z' },
        { expiryAction: 'release', expireTime: '2025-01-06T00:00:00Z' },
        { expiryAction: 'release', expireTime: '2025-01-04T00:00:00Z' },
      ]),
    ];
    expect(driftReport({ steps }, { expiringWithinDays: 7, now })).toEqual([
      expect.stringMatching(
        /^! koophone:InstanceGroup fleet: 2 phone\(s\) of the group expire within 7 day\(s\), the first expires in 3 day\(s\) \(2025-01-04T00:00:00Z; id2, id1\); renew them/,
      ),
    ]);
    expect(driftReport({ steps }, { expiringWithinDays: 2, now })).toEqual([]);
  });
});

describe('drift-detection summary: values the preview cannot know', () => {
  const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
  const assignment = {
    op: 'replace',
    urn: 'urn:pulumi:s::p::pulumi-nodejs:dynamic/koophone:UserAssignment::desk-1',
    detailedDiff: { instanceId: { kind: 'update-replace' } },
    oldState: { inputs: { instanceId: 'a1b2c3d4', userId: 'u1' }, outputs: { instanceId: 'a1b2c3d4' } },
    newState: { inputs: { instanceId: UNKNOWN, userId: 'u1' } },
  };

  it("does not count an assignment whose phone's update makes its instanceId unknown in the preview", () => {
    const report = driftReport({ steps: [phone('update', false, '2025-06-01T00:00:00Z'), assignment] });
    expect(report.filter((l) => /^[-+~!?] /.test(l))).toEqual([
      '~ koophone:Instance desk-1: `pulumi up` would update it',
    ]);
    expect(report).toContainEqual(
      expect.stringMatching(
        /^Note: koophone:UserAssignment desk-1 shows as replaced in the preview only because instanceId/,
      ),
    );
  });

  it('is no drift when nothing else changed', () => {
    expect(driftReport({ steps: [assignment] })).toEqual([]);
  });
});
