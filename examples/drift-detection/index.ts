import * as pulumi from '@pulumi/pulumi';
import * as koophone from 'pulumi-koophone';

const config = new pulumi.Config();
/** Organisation users who each get a desk phone (stack config `users`, a JSON list). */
const users = config.getObject<string[]>('users') ?? ['1008600000104285462', '1008600000104285463'];

export const phones = users.map((userId, i) => {
  const name = `desk-${i + 1}`;
  const phone = new koophone.Instance(name, {
    os: 'AOSP11',
    instanceSkuId: 'kp.professional.xlarge.32g.2',
    bandSize: 4,
    regionId: 'cn-north-4',
  });
  // Someone unassigning this user in the console is exactly the drift the scheduled check reports.
  const assignment = new koophone.UserAssignment(name, { instanceId: phone.instanceId, userId });
  return { name, instanceId: phone.instanceId, instanceName: phone.instanceName, userId: assignment.userId };
});

// The desk app on every phone, when `apkUrl` is set (a signed OBS URL: `pulumi config set --secret apkUrl ...`).
// Someone uninstalling it from a phone is drift the check names with the phone; `pulumi up` reinstalls it there only.
// Unassigning a user wipes the phone, apps too: after an assignment is replaced, the next check names the app there.
const apkUrl = config.getSecret('apkUrl');
export const deskApp = apkUrl
  ? new koophone.AppInstallation('desk-app', {
      instanceIds: phones.map((p) => p.instanceId),
      packageName: config.get('appPackage') ?? 'com.example.desk',
      fileName: 'desk.apk',
      version: config.get('appVersion') ?? '1.0.0',
      sizeMb: 30,
      packageUrl: apkUrl,
    }).installations
  : []; // never undefined: an undefined output is dropped with a warning
