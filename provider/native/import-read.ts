import type { SkuCatalogue } from '../client';
import { stateFromRecord } from '../common/instance-state';
import type { InstanceRecord } from '../schemas/wire/instances';
import type { InstanceGroupOutputs } from '../schemas/resources/instance-group';
import { readGroup } from '../resources/group/group-sync';
import { withSubscription } from '../resources/billing/instance-billing';
import { progressFor } from '../resources/core/progress';
import { getClient, getDirectory, getSkuCatalogue, pollIntervalMs } from '../resources/core/runtime';
import { subscriptionLookup } from '../resources/billing/subscription-lookup';
import { claimRefusals, phoneRefusals, type GroupSpec } from '../resources/group/group-adoption';
import { reportedSkuId } from '../resources/purchase/spec-check';
import { definedProps, type Props } from './properties';

/** batch-query's running_status of a phone being unsubscribed: no longer a member to take over. */
const GOING_OFFLINE = 3;

/** What `pulumi import` gets back: the resource's id, its outputs, and the inputs a program would declare. */
export interface ImportedResource {
  id: string;
  props: Props;
  inputs: Props;
}

/**
 * Inputs the KooPhone API never reports about a phone (batch-query has no image, bandwidth or network): an imported
 * resource cannot know them, so until the program has declared them once, the program's values are taken as they
 * are (see fillUndeclared). Billing settings are among them: their live state is compared through the read-back
 * `autoRenew` / `expiryAction` (a group member's `expiryAction`), which do come from the billing API.
 */
export const NOT_REPORTED_INPUTS = [
  'namePrefix',
  'os',
  'bandSkuId',
  'bandSize',
  'network',
  'instanceType',
  'sceneType',
  'charge',
  'renewBeforeDays',
  'expirePolicy',
  'waitForReady',
  'readyTimeoutSeconds',
] as const;

/**
 * An imported resource's old inputs are what Read returned, which never hold `createKey` (check adds it to every
 * declared resource). For such a resource a not-reported input missing from the old state takes the declared value,
 * so the program declaring an imported phone previews with no changes; the first `up` then stores the program's
 * inputs and later diffs compare them as usual.
 */
export function fillUndeclared(olds: Props, oldInputs: Props, news: Props): Props {
  if (oldInputs.createKey !== undefined || Object.keys(oldInputs).length === 0) return olds;
  const filled: Props = { ...olds };
  for (const key of NOT_REPORTED_INPUTS) {
    if (filled[key] === undefined && news[key] !== undefined) filled[key] = news[key];
  }
  return filled;
}

/** The spec inputs a phone's listing tells: its region and (through the SKU catalogue) its SKU. */
function reportedSpec(catalogue: SkuCatalogue, record: InstanceRecord): GroupSpec {
  const regionId = record.region || undefined;
  return { regionId, instanceSkuId: reportedSkuId(catalogue, regionId, record.instance_sku ?? undefined) };
}

/** `pulumi import koophone:index:Instance <name> <instanceId>`: the phone taken over as it is, nothing bought. */
export async function importInstance(instanceId: string): Promise<ImportedResource | undefined> {
  const record = await getDirectory().get(instanceId, 0);
  if (!record) return undefined;
  const inputs = definedProps({ ...reportedSpec(await getSkuCatalogue(), record) });
  const subscription =
    record.billing_mode === '0' ? undefined : await subscriptionLookup(getClient()).get(record.instance_id);
  const props = withSubscription({ ...inputs, ...stateFromRecord(record, '', true) }, subscription);
  return { id: record.instance_id, props: definedProps(props), inputs };
}

/**
 * `pulumi import koophone:index:InstanceGroup <name> <prefix>`: every live phone whose name starts with the prefix,
 * taken over as `adoptInstanceIds` adopts phones (group-adoption.ts): each must be yearly/monthly, claimed by no
 * other group of the deployment and of one spec — the first phone's by name, whose region and SKU become the
 * inputs —, and they fill slots 0… in name order. The prefix stays the group's id and name prefix (its later orders
 * extend it).
 */
export async function importGroup(prefix: string, urn: string): Promise<ImportedResource | undefined> {
  // Every phone whose name starts with the prefix: a group's orders extend its prefix without a dash
  // (`fleet-abcde000-00001`), where findLiveByPrefix looks for one order's `<prefix>-` names.
  const snapshot = await getDirectory().snapshot(0);
  const records = [...snapshot.values()]
    .filter((r) => r.instance_name.startsWith(prefix) && r.running_status !== GOING_OFFLINE)
    .sort((a, b) => a.instance_name.localeCompare(b.instance_name));
  if (records.length === 0) return undefined;
  const catalogue = await getSkuCatalogue();
  const first = records[0];
  const reported = reportedSpec(catalogue, first);
  const inputs = definedProps({ size: records.length, ...reported });
  // A SKU text the catalogue does not resolve to one id is still compared, as the text itself.
  const spec: GroupSpec = { ...reported, instanceSkuId: reported.instanceSkuId ?? first.instance_sku ?? undefined };
  const ids = records.map((r) => r.instance_id);
  const refusals = [
    ...claimRefusals(urn, ids),
    ...records.flatMap((r) => phoneRefusals(r.instance_id, r, spec, catalogue)),
  ];
  if (refusals.length > 0)
    throw new Error(
      `InstanceGroup ${prefix} cannot be imported: a group's phones share one spec, here that of its first phone ` +
        `by name (${first.instance_name}, ${first.instance_id}): ${refusals.join('; ')}`,
    );
  const seed = {
    ...inputs,
    uniqueNamePrefix: prefix,
    instances: [],
    orderIds: [],
    nextOrderSeq: 0,
    pendingOrders: [],
  } as unknown as InstanceGroupOutputs;
  const env = {
    client: getClient(),
    directory: getDirectory(),
    pollIntervalMs: pollIntervalMs(),
    progress: progressFor(urn),
  };
  const props = await readGroup(env, seed, ids);
  return { id: prefix, props: definedProps(props), inputs };
}
