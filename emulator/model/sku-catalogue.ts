/**
 * The saleable SKU catalogue returned by `GET /v1/instances/sku?type=0` (docs/api/endpoints.md#sku) and checked by create (docs/api/endpoints.md#create).
 * Spelling is the wire's camelCase. `poolInfo.aosp[].id` is an integer as in the SDK's model and the docs' table
 * (the reference example's `"40"` lost, docs/api/wire-fidelity.md). Which images are sold is decided by the pools here:
 * AOSP14 is sold everywhere, AOSP9 only on the older professional SKUs (the SDK's create enum dropped it).
 */

export type AospVersion = 'AOSP9' | 'AOSP11' | 'AOSP14';

export interface AospPool {
  version: AospVersion;
  resPoolId: string;
  id: number;
  network: 'EIP' | 'ADN';
  enable: boolean;
}

export interface SkuResponse {
  type: 'PROFESSIONAL' | 'ENTERPRISE';
  cbcSkuId: string;
  name: string;
  calcSpec: string;
  storageSpec: string;
  specDesc: string;
  specDescEn: string;
  bandSize: string;
  chargeMode: 0 | 1 | 2;
  maxResolution: string;
  /** SDK-only (3.1.198+): the size step of the spec, a string like "1". */
  resourceSize: string;
  poolInfo: { aosp: AospPool[] };
  nestInfo: unknown[];
}

export interface RegionSkus {
  regionId: string;
  skuResponses: SkuResponse[];
}

export interface SkuCatalogue {
  bandInfo: { id: number; cbcSkuId: string };
  skuSpecResponseList: RegionSkus[];
}

export const BAND_SKU_ID = 'kp.bandwidth';

interface SkuTemplate extends Omit<SkuResponse, 'poolInfo' | 'nestInfo'> {
  pools: Omit<AospPool, 'resPoolId' | 'id'>[];
}

const TEMPLATES: SkuTemplate[] = [
  {
    type: 'PROFESSIONAL',
    cbcSkuId: 'kp.professional.xlarge.32g.2',
    name: 'pro-4c8g',
    calcSpec: '4vCPUs | 8GB',
    storageSpec: '32GB',
    specDesc: '专业版 | 4核 | 8GB | 32GB存储 | 最高分辨率720p',
    specDescEn: 'Professional | 4 Core | 8GB | 32GB Storage | 720P Max Output',
    bandSize: '4,6',
    chargeMode: 2,
    maxResolution: '720p',
    resourceSize: '1',
    pools: [
      { version: 'AOSP9', network: 'EIP', enable: true },
      { version: 'AOSP11', network: 'EIP', enable: true },
      { version: 'AOSP14', network: 'EIP', enable: true },
    ],
  },
  {
    type: 'PROFESSIONAL',
    cbcSkuId: 'kp.professional.2xlarge.128g.2',
    name: 'pro-8c16g',
    calcSpec: '8vCPUs | 16GB',
    storageSpec: '128GB',
    specDesc: '专业版 | 8核 | 16GB | 128GB存储 | 最高分辨率1080p',
    specDescEn: 'Professional | 8 Core | 16GB | 128GB Storage | 1080P Max Output',
    bandSize: '4,8',
    chargeMode: 2,
    maxResolution: '1080p',
    resourceSize: '1',
    pools: [
      { version: 'AOSP9', network: 'EIP', enable: true },
      { version: 'AOSP11', network: 'EIP', enable: true },
      // A sold-out pool: create with AOSP11 + ADN is refused with 3003.
      { version: 'AOSP11', network: 'ADN', enable: false },
      { version: 'AOSP14', network: 'EIP', enable: true },
    ],
  },
  {
    type: 'ENTERPRISE',
    cbcSkuId: 'kp.enterprise.2xlarge.128g.2',
    name: 'ent-8c16g',
    calcSpec: '8vCPUs | 16GB',
    storageSpec: '128GB',
    specDesc: '企业版 | 8核 | 16GB | 128GB存储 | 最高分辨率1080p',
    specDescEn: 'Enterprise | 8 Core | 16GB | 128GB Storage | 1080P Max Output',
    bandSize: '4,8',
    chargeMode: 0,
    maxResolution: '1080p',
    resourceSize: '1',
    pools: [
      { version: 'AOSP11', network: 'EIP', enable: true },
      { version: 'AOSP11', network: 'ADN', enable: true },
      { version: 'AOSP14', network: 'EIP', enable: true },
      { version: 'AOSP14', network: 'ADN', enable: true },
    ],
  },
  {
    // Pay-per-use only (chargeMode 1): listed, but the API can only buy yearly/monthly, so create gives 3003.
    type: 'PROFESSIONAL',
    cbcSkuId: 'kp.professional.large.16g.1',
    name: 'pro-2c4g-payg',
    calcSpec: '2vCPUs | 4GB',
    storageSpec: '16GB',
    specDesc: '专业版 | 2核 | 4GB | 16GB存储 | 最高分辨率540p',
    specDescEn: 'Professional | 2 Core | 4GB | 16GB Storage | 540P Max Output',
    bandSize: '2,4',
    chargeMode: 1,
    maxResolution: '540p',
    resourceSize: '1',
    pools: [
      { version: 'AOSP11', network: 'EIP', enable: true },
      { version: 'AOSP14', network: 'EIP', enable: true },
    ],
  },
];

export const REGIONS = [
  { regionId: 'cn-north-4', nameZh: '华北-北京四', nameEn: 'CN North-Beijing4', poolBase: 1600087199176300000n },
  { regionId: 'cn-north-7', nameZh: '华北-乌兰察布一', nameEn: 'CN North-Ulanqab1', poolBase: 1600087199176400000n },
] as const;

function buildCatalogue(): SkuCatalogue {
  let poolSeq = 40;
  return {
    bandInfo: { id: 62, cbcSkuId: BAND_SKU_ID },
    skuSpecResponseList: REGIONS.map((region) => ({
      regionId: region.regionId,
      skuResponses: TEMPLATES.map(({ pools, ...sku }) => ({
        ...sku,
        poolInfo: {
          aosp: pools.map((pool) => {
            const id = poolSeq++;
            return { ...pool, resPoolId: String(region.poolBase + BigInt(id)), id };
          }),
        },
        nestInfo: [],
      })),
    })),
  };
}

export const SKU_CATALOGUE: SkuCatalogue = buildCatalogue();

export function findSku(regionId: string, skuId: string): SkuResponse | undefined {
  return SKU_CATALOGUE.skuSpecResponseList
    .find((r) => r.regionId === regionId)
    ?.skuResponses.find((s) => s.cbcSkuId === skuId);
}

export function isKnownRegion(regionId: string): boolean {
  return REGIONS.some((r) => r.regionId === regionId);
}

export function regionNames(regionId: string): { zh: string; en: string } {
  const region = REGIONS.find((r) => r.regionId === regionId);
  return region ? { zh: region.nameZh, en: region.nameEn } : { zh: regionId, en: regionId };
}

/** Allowed bandwidths of a SKU: `bandSize` is a comma list string like "4,6" (docs/api/endpoints.md#sku). */
export function allowedBandSizes(sku: SkuResponse): number[] {
  return sku.bandSize.split(',').map((s) => Number(s.trim()));
}
