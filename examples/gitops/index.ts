import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as koophone from 'pulumi-koophone';

/**
 * The desired fleet lives in phones.json, next to this program: a pull request that edits it is the change
 * request, the CI preview on the pull request is its plan, and merging to main deploys it.
 */
interface DesiredFleet {
  regionId: string;
  instanceSkuId: string;
  bandSize: number;
  phones: { name: string; userId?: string }[];
}

const fleet = JSON.parse(readFileSync(join(__dirname, 'phones.json'), 'utf8')) as DesiredFleet;

export const phones = fleet.phones.map((desired) => {
  const phone = new koophone.Instance(desired.name, {
    os: 'AOSP11',
    instanceSkuId: fleet.instanceSkuId,
    bandSize: fleet.bandSize,
    regionId: fleet.regionId,
    charge: { periodType: 'month', periodNum: 1, autoPay: true, autoRenew: true },
  });
  // A phone without a user in phones.json stays unassigned; removing a user later wipes their data on it.
  const assignment = desired.userId
    ? new koophone.UserAssignment(desired.name, { instanceId: phone.instanceId, userId: desired.userId })
    : undefined;
  return {
    name: desired.name,
    instanceId: phone.instanceId,
    instanceName: phone.instanceName,
    userId: assignment?.userId,
  };
});
