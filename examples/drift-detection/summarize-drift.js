// @ts-check
/**
 * Turns `pulumi preview --refresh --expect-no-changes --json` into a drift report a person can act on.
 *
 *   node summarize-drift.js <preview.json> <preview exit code> [<preview stderr file>]
 *
 * An app removed from a phone (or left at another version) outside Pulumi is named with the phone, the version the
 * stack wants and what the phone has.
 *
 * With DRIFT_EXPIRY_DAYS=N in the environment, a phone whose subscription expires within N days (its refreshed
 * `expireTime`, or an InstanceGroup member's) fails the check too, and a phone whose auto-renew was changed in the
 * Billing Center (an Instance, or a group member) is named as such.
 *
 * Exit 0: no drift. Exit 1: drift (the report names each resource, each property, old → new). Exit 2: the check
 * itself failed (bad credentials, unreachable API, a program error) — that is not drift, and says so.
 *
 * How drift shows up in the preview: the engine first refreshes every resource (steps with op "refresh" carry its
 * recorded state and what the provider read), then plans what `pulumi up` would do. A resource that vanished outside
 * Pulumi is planned for "create" although it had a refresh step; one whose inputs no longer match is planned for
 * "update" or "replace".
 */
const { readFileSync } = require('node:fs');

/** @typedef {{ id?: string; type?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }} State */
/**
 * @typedef {{ op: string; urn: string; oldState?: State; newState?: State; detailedDiff?: Record<string, { kind: string }> | null;
 *   diffReasons?: string[]; replaceReasons?: string[] }} Step
 */
/** @typedef {{ steps?: Step[]; diagnostics?: { severity?: string; message?: string; urn?: string }[] }} Preview */

/** What identifies a KooPhone resource to a person; shown for a resource that vanished. */
const IDENTITY = ['instanceId', 'instanceName', 'userId', 'instanceIds'];

/**
 * `urn:pulumi:stack::project::pulumi-nodejs:dynamic/koophone:Instance::phone-1` → `koophone:Instance phone-1`.
 * @param {string} urn
 */
function label(urn) {
  const parts = urn.split('::');
  const type = (parts[2] ?? '').split('$').pop() ?? '';
  return `${type.replace(/^pulumi-nodejs:dynamic\//, '')} ${parts[3] ?? urn}`;
}

const DAY_MS = 86_400_000;
/**
 * How `pulumi preview --json` shows a value that is known only once a deployment runs. Dynamic providers cannot
 * preview an update, so while an `Instance` would be updated (e.g. auto-renew put back), its outputs such as
 * `instanceId` are unknown in the preview, and a `UserAssignment` that reads it shows as replaced; `pulumi up` then
 * finds the same phone and keeps the assignment. Such a step follows another resource's change and is not drift.
 */
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const isUnknown = (/** @type {unknown} */ v) => JSON.stringify(v ?? null).includes(UNKNOWN);

/** @typedef {{ slot?: number; instanceId?: string; expiryAction?: string; expireTime?: string }} Member */

/**
 * Billing drift the engine cannot name (a dynamic provider reports no property diff): auto-renew as the billing system
 * reports it (`autoRenew`, or each `InstanceGroup` member's `instances[i].expiryAction`, `renew` when it auto-renews)
 * against the declared
 * `charge.autoRenew`.
 * @param {Step} step
 */
function billingDrift(step) {
  const charge = /** @type {{ autoRenew?: unknown } | undefined} */ (step.newState?.inputs?.charge);
  if (charge?.autoRenew === undefined) return [];
  const why = `(changed outside Pulumi, e.g. in the Billing Center; the program wants ${show(charge.autoRenew)})`;
  const members = /** @type {Member[] | undefined} */ (step.oldState?.outputs?.instances);
  if (Array.isArray(members)) {
    return members
      .filter((m) => m.expiryAction !== undefined && (m.expiryAction === 'renew') !== charge.autoRenew)
      .map(
        (m) =>
          `    autoRenew of ${m.instanceId} (slot ${m.slot}): ${show(charge.autoRenew)} → ` +
          `${show(m.expiryAction === 'renew')} ${why}`,
      );
  }
  const now = step.oldState?.outputs?.autoRenew;
  if (now === undefined || now === charge.autoRenew) return [];
  return [`    autoRenew: ${show(charge.autoRenew)} → ${show(now)} ${why}`];
}

/**
 * How a subscription expiring at `expireTime` stands `now`: days left (negative once expired) and a phrase.
 * @param {string} expireTime
 * @param {number} now
 */
function expiry(expireTime, now) {
  const left = (Date.parse(expireTime) - now) / DAY_MS;
  return { left, when: left < 0 ? 'expired' : `expires in ${Math.floor(left)} day(s)` };
}

/**
 * Phones whose subscription (refreshed `expireTime`) ends within `days` of `now`: an `Instance` each, an
 * `InstanceGroup` in one line naming its members that do.
 * @param {Step[]} steps
 * @param {number} days
 * @param {number} now
 */
function expiringPhones(steps, days, now) {
  const lines = [];
  for (const step of steps) {
    if (step.op === 'refresh') continue;
    const outputs = step.oldState?.outputs;
    const members = /** @type {Member[] | undefined} */ (outputs?.instances);
    if (/koophone:InstanceGroup::/.test(step.urn) && Array.isArray(members)) {
      const soon = members
        .filter((m) => typeof m.expireTime === 'string' && m.expireTime && expiry(m.expireTime, now).left <= days)
        .sort((a, b) => Date.parse(a.expireTime ?? '') - Date.parse(b.expireTime ?? ''));
      if (soon.length === 0) continue;
      const first = /** @type {string} */ (soon[0].expireTime);
      const ids = soon.slice(0, 10).map((m) => m.instanceId);
      lines.push(
        `! ${label(step.urn)}: ${soon.length} phone(s) of the group expire within ${days} day(s), the first ${expiry(first, now).when} ` +
          `(${first}; ${ids.join(', ')}${soon.length > 10 ? ', …' : ''}); renew them (set renewBeforeDays, or in the Billing Center) or they are frozen and released`,
      );
      continue;
    }
    const expireTime = outputs?.expireTime;
    if (typeof expireTime !== 'string' || !expireTime || !/koophone:Instance::/.test(step.urn)) continue;
    const { left, when } = expiry(expireTime, now);
    if (!(left <= days)) continue;
    lines.push(
      `! ${label(step.urn)}: subscription ${when} (${expireTime}); renew it (set renewBeforeDays, or in the Billing Center) or the phone is frozen and released`,
    );
  }
  return lines;
}

/**
 * App drift the engine cannot name either: an `AppInstallation` whose refreshed `installations` has phones where the
 * app is missing or at another version (`pulumi up` reinstalls it on those phones only), or whose install failed.
 * @param {Step} step
 * @param {Map<string, string>} phoneNames instance id → the `koophone:Instance` resource that holds it
 */
function appDrift(step, phoneNames) {
  const phones =
    /** @type {{ instanceId: string; status: string; version: string; errorCode?: string; errorMessage?: string }[] | undefined} */ (
      step.oldState?.outputs?.installations
    );
  if (!Array.isArray(phones)) return [];
  const pkg = step.oldState?.inputs?.packageName ?? step.newState?.inputs?.packageName;
  const wanted = step.newState?.inputs?.version ?? step.oldState?.inputs?.version;
  const lines = [];
  for (const p of phones) {
    if (p.status === 'installed') continue;
    const phone = phoneNames.has(p.instanceId) ? `${p.instanceId} (${phoneNames.get(p.instanceId)})` : p.instanceId;
    const why =
      p.status === 'failed'
        ? `install failed: ${[p.errorCode, p.errorMessage].filter(Boolean).join(' ')}; \`pulumi up\` retries it there`
        : `${p.status === 'missing' ? 'removed' : 'changed'} outside Pulumi; \`pulumi up\` reinstalls it on this phone only`;
    lines.push(`    ${pkg} on ${phone}: ${show(wanted)} → ${p.version ? show(p.version) : '(absent)'} (${why})`);
  }
  return lines;
}

/** @param {unknown} v */
const show = (v) => (v === undefined ? '(absent)' : JSON.stringify(v));

/**
 * @param {Preview} preview
 * @param {{ expiringWithinDays?: number; now?: number }} [opts]
 * @returns {string[]} report lines; empty when nothing drifted or is pending
 */
function driftReport(preview, opts = {}) {
  const steps = preview.steps ?? [];
  /** @type {Map<string, State>} recorded state of every resource the refresh looked at */
  const recorded = new Map();
  const lines = [];
  /** @type {string[]} */
  const notes = [];
  /** @type {Map<string, string>} */
  const phoneNames = new Map();
  for (const step of steps) {
    const instanceId = step.oldState?.outputs?.instanceId ?? step.newState?.outputs?.instanceId;
    if (/koophone:Instance::/.test(step.urn) && typeof instanceId === 'string')
      phoneNames.set(instanceId, step.urn.split('::')[3] ?? '');
  }
  for (const step of steps) {
    // The refresh step records what the stack held; its own newState is not the refreshed one, so the planned
    // step after it (whose oldState holds the refreshed outputs) is what tells the drift.
    if (step.op === 'refresh' && step.oldState) recorded.set(step.urn, step.oldState);
  }
  for (const step of steps) {
    // A replacement is reported by its `replace` step; its create-replacement/delete-replaced steps repeat it.
    if (['same', 'refresh', 'read', 'create-replacement', 'delete-replaced'].includes(step.op)) continue;
    const before = recorded.get(step.urn);
    if (step.op === 'create' && before) {
      lines.push(
        `- ${label(step.urn)}: missing in KooPhone, removed outside Pulumi (was id ${before.id ?? '?'}); \`pulumi up\` would create it again`,
      );
      const was = { ...before.inputs, ...before.outputs };
      for (const k of IDENTITY.filter((key) => was[key] !== undefined))
        lines.push(`    ${k}: ${show(was[k])} → (absent)`);
    } else if (step.op === 'create') {
      lines.push(`+ ${label(step.urn)}: in the program but not deployed yet (a code change, not drift)`);
    } else if (step.op === 'delete') {
      lines.push(`- ${label(step.urn)}: deployed but no longer in the program; \`pulumi up\` would delete it`);
    } else if (step.op === 'replace' || step.op === 'update') {
      const keys = step.detailedDiff
        ? Object.keys(step.detailedDiff)
        : [...(step.diffReasons ?? []), ...(step.replaceReasons ?? [])];
      if (keys.length > 0 && keys.every((k) => isUnknown(step.newState?.inputs?.[k.split(/[.[]/)[0]]))) {
        notes.push(
          `Note: ${label(step.urn)} shows as ${step.op === 'replace' ? 'replaced' : 'updated'} in the preview only because ` +
            `${[...new Set(keys)].sort().join(', ')} comes from a resource above that would be updated; it is not drift.`,
        );
        continue;
      }
      lines.push(`~ ${label(step.urn)}: \`pulumi up\` would ${step.op} it`);
      if (keys.length === 0) lines.push(...billingDrift(step), ...appDrift(step, phoneNames));
      for (const k of [...new Set(keys)].sort()) {
        const root = k.split(/[.[]/)[0];
        const stack = step.oldState?.inputs?.[root];
        const now = step.oldState?.outputs?.[root];
        const wanted = step.newState?.inputs?.[root];
        lines.push(
          JSON.stringify(stack) !== JSON.stringify(now)
            ? `    ${k}: ${show(stack)} → ${show(now)} (changed outside Pulumi; the program wants ${show(wanted)})`
            : `    ${k}: ${show(stack)} → ${show(wanted)} (a change in the program, not drift)`,
        );
      }
    } else {
      lines.push(`? ${label(step.urn)}: ${step.op}`);
    }
  }
  if (opts.expiringWithinDays !== undefined)
    lines.push(...expiringPhones(steps, opts.expiringWithinDays, opts.now ?? Date.now()));
  // Notes explain a preview; on their own they are not drift.
  return lines.length > 0 ? [...lines, ...notes] : [];
}

/** @param {string[]} argv */
function main(argv) {
  const [file, rcText, stderrFile] = argv;
  if (!file || rcText === undefined) {
    console.error('usage: summarize-drift.js <preview.json> <preview exit code> [<stderr file>]');
    return 2;
  }
  const rc = Number(rcText);
  const stderr = stderrFile ? readFileSync(stderrFile, 'utf8').trim() : '';
  /** @type {Preview} */
  let preview;
  try {
    preview = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.error(`drift check failed: pulumi preview gave no JSON (exit ${rc}).${stderr ? `\n${stderr}` : ''}`);
    return 2;
  }
  const days = process.env.DRIFT_EXPIRY_DAYS ? Number(process.env.DRIFT_EXPIRY_DAYS) : undefined;
  if (days !== undefined && !Number.isFinite(days)) {
    console.error(
      `drift check failed: DRIFT_EXPIRY_DAYS must be a number of days (received "${process.env.DRIFT_EXPIRY_DAYS}")`,
    );
    return 2;
  }
  const report = driftReport(preview, { expiringWithinDays: days });
  if (report.length > 0) {
    console.log(`DRIFT: ${report.filter((l) => /^[-+~!?] /.test(l)).length} resource(s) differ from the stack:`);
    for (const line of report) console.log(line);
    console.log(
      'Repair with `pulumi up --refresh` (or accept the change with `pulumi refresh` and update the program).',
    );
    return 1;
  }
  if (rc !== 0) {
    const errors = (preview.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.message?.trim());
    console.error(
      `drift check failed (exit ${rc}), no drift found:\n${[...errors, stderr].filter(Boolean).join('\n')}`,
    );
    return 2;
  }
  console.log('No drift: every resource matches the stack.');
  return 0;
}

module.exports = { driftReport, label };
if (require.main === module) process.exitCode = main(process.argv.slice(2));
