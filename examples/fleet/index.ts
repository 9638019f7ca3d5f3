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

// The whole fleet is one resource and one order (up to 1,500 phones per order). Slots are stable: phone i stays
// phone i, so growing, shrinking or repairing the fleet never moves a user to another phone.
const phones = new koophone.InstanceGroup('phones', {
  size: phoneCount,
  namePrefix: 'fleet',
  os: 'AOSP11',
  instanceSkuId: sku.then((s) => s.instanceSkuId),
  bandSkuId: catalogue.then((c) => c.bandSkuId),
  bandSize: sku.then((s) => s.bandSizes[0]),
  regionId,
  charge: { periodType: 'month', periodNum: 1, autoPay: true, autoRenew: false },
});

const assignments = users.slice(0, phoneCount).map(
  (userId, slot) =>
    new koophone.UserAssignment(`user-${slot + 1}`, {
      instanceId: phones.instanceIds.apply((ids) => ids[slot]),
      userId,
    }),
);

// Lower bit rates on mobile networks, higher on Wi-Fi and wired; other combinations keep the defaults.
const video = new koophone.VideoSetting('video', {
  instanceIds: phones.instanceIds,
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

// The fleet's app, when `apkUrl` is set (a signed OBS URL: `pulumi config set --secret apkUrl ...`). It is
// installed on every phone of the group, phones added later get it, and a refresh finds phones where it went missing.
const apkUrl = config.getSecret('apkUrl');
const app = apkUrl
  ? new koophone.AppInstallation('app', {
      instanceIds: phones.instanceIds,
      packageName: config.get('appPackage') ?? 'com.example.fieldapp',
      fileName: 'fieldapp.apk',
      version: config.get('appVersion') ?? '1.0.0',
      sizeMb: 42,
      packageUrl: apkUrl,
    })
  : undefined;

// Reboot the whole fleet by changing `rebootRound` (any new value): the reboot runs when the resource is created and
// again whenever its triggers change, never on an unchanged `up`. It waits for the users, the video settings and the
// app, because a reboot needs every phone running.
const rebootRound = config.get('rebootRound');
const reboot = rebootRound
  ? new koophone.PhoneReboot(
      'reboot',
      { instanceIds: phones.instanceIds, triggers: [rebootRound] },
      { dependsOn: [...assignments, video, ...(app ? [app] : [])] },
    )
  : undefined;

// Each fact from its owner: the phone and its status (`running`, `starting`, …) from the group, the user from the
// assignment.
export const fleet = pulumi
  .all([phones.instances, pulumi.all(assignments.map((a) => a.userId))])
  .apply(([members, assigned]) =>
    members.map((m) => ({
      id: m.instanceId,
      name: m.instanceName,
      status: m.status,
      user: assigned[m.slot] ?? '',
    })),
  );
export const assignedUsers = assignments.map((a) => a.userId);
// Outputs are always defined (an undefined one is dropped with a warning): empty without an app, 0 without a reboot.
/** Per phone: the app's status and version (`missing`/`outdated` after a refresh means `up` reinstalls it there). */
export const appInstallations = app ? app.installations : [];
/** How many phones the last reboot round rebooted. */
export const rebootedPhones = reboot ? reboot.phoneCount : 0;
