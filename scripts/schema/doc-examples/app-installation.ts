import * as pulumi from '@pulumi/pulumi';
import * as koophone from '../../../sdk';

const config = new pulumi.Config();
const fleet = new koophone.InstanceGroup('fleet', {
  size: 150,
  os: 'AOSP11',
  instanceSkuId: 'kp.professional.xlarge.32g.2',
  bandSize: 4,
  regionId: 'cn-north-4',
});

// The signed OBS URL comes from secret config (`pulumi config set --secret apkUrl ...`).
export const app = new koophone.AppInstallation('shop-app', {
  instanceIds: fleet.instanceIds,
  packageName: 'com.example.shop',
  fileName: 'shop.apk',
  version: '2.4.1',
  sizeMb: 58,
  packageUrl: config.requireSecret('apkUrl'),
});
export const notInstalled = app.installations.apply((phones) => phones.filter((p) => p.status !== 'installed'));
