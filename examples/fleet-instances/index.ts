import * as pulumi from '@pulumi/pulumi';
import * as koophone from 'pulumi-koophone';

const config = new pulumi.Config();
/** Organisation users who each get a phone, in order (stack config `users`, a JSON list). */
const users = config.requireObject<string[]>('users');
/** Phones to run; defaults to one per user. Extra phones stay unassigned. */
const phoneCount = config.getNumber('phoneCount') ?? users.length;
const regionId = config.get('phoneRegion') ?? 'cn-north-4';

// Pick the professional SKU sold in the region from the live catalogue instead of hard-coding ids.
const catalogue = koophone.getSkus();
const sku = catalogue.then((c) => {
  const match = c.skus.find((s) => s.regionId === regionId && s.type === 'PROFESSIONAL' && s.chargeMode !== 1);
  if (!match) throw new Error(`no yearly/monthly PROFESSIONAL SKU is sold in ${regionId}`);
  return match;
});

const phones = Array.from(
  { length: phoneCount },
  (_, i) =>
    new koophone.Instance(`phone-${i + 1}`, {
      namePrefix: 'fleet',
      os: 'AOSP11',
      instanceSkuId: sku.then((s) => s.instanceSkuId),
      bandSkuId: catalogue.then((c) => c.bandSkuId),
      bandSize: sku.then((s) => s.bandSizes[0]),
      regionId,
      charge: { periodType: 'month', periodNum: 1, autoPay: true, autoRenew: false },
    }),
);

const assignments = users
  .slice(0, phoneCount)
  .map((userId, i) => new koophone.UserAssignment(`user-${i + 1}`, { instanceId: phones[i].instanceId, userId }));

// Lower bit rates on mobile networks, higher on Wi-Fi and wired; other combinations keep the defaults.
new koophone.VideoSetting('video', {
  instanceIds: pulumi.all(phones.map((p) => p.instanceId)),
  profiles: [
    {
      networkType: 'MOBILE_NETWORK',
      encodingType: 'H264',
      definition540p: { codeRate: 1500, fps: 30 },
      definition720p: { codeRate: 3000, fps: 30 },
    },
    { networkType: 'WIFI', encodingType: 'H265', definition1080p: { codeRate: 6000, fps: 60 } },
    { networkType: 'WIRED', encodingType: 'H265', definition1080p: { codeRate: 8000, fps: 60 } },
  ],
});

// Each fact from its owner: the phone and its status (`running`, `starting`, …) from the Instance, the user from the
// assignment (the phone's own assignUser was read before the user was assigned).
export const fleet = phones.map((p, i) =>
  pulumi
    .all([p.instanceId, p.instanceName, p.status, assignments[i]?.userId ?? ''])
    .apply(([id, name, status, user]) => ({ id, name, status, user })),
);
export const assignedUsers = assignments.map((a) => a.userId);
