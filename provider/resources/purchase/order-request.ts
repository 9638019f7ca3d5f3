import { randomBytes } from 'node:crypto';
import type { CreateInstancesRequest } from '../../client';
import { suffixFromBytes } from '../../common/name-suffix';
import { NAME_SUFFIX_LENGTH, type InstanceInputs } from '../../schemas/resources/instance';
import { definedOnly } from '../core/check-inputs';

/** What an order is bought as: the spec and billing inputs Instance and InstanceGroup share. */
export type OrderSpec = Pick<
  InstanceInputs,
  'os' | 'instanceSkuId' | 'bandSkuId' | 'bandSize' | 'regionId' | 'network' | 'instanceType' | 'sceneType' | 'charge'
>;

/** The create call's body for `count` phones named `{prefix}-00001`, `{prefix}-00002`, …: always yearly/monthly. */
export function orderRequest(spec: OrderSpec, prefix: string, count: number): CreateInstancesRequest {
  return definedOnly({
    os: spec.os,
    instanceSkuId: spec.instanceSkuId,
    bandSkuId: spec.bandSkuId,
    regionId: spec.regionId,
    instanceNamePrefix: prefix,
    bandSize: spec.bandSize,
    count,
    network: spec.network,
    instanceType: spec.instanceType,
    sceneType: spec.sceneType,
    chargeParam: {
      chargingMode: 1,
      periodType: spec.charge.periodType === 'year' ? 3 : 2,
      periodNum: spec.charge.periodNum,
      isAutoPay: spec.charge.autoPay ? 1 : 0,
      isAutoRenew: spec.charge.autoRenew ? 1 : 0,
    },
  });
}

/** A random suffix, for phones named without the SDK's createKey (an Instance's or a group's name prefix). */
export function randomSuffix(length = NAME_SUFFIX_LENGTH): string {
  return suffixFromBytes(randomBytes(length));
}
