import type { Caller } from './caller';
import type { EmulatorModel } from './emulator-model';
import { invalidParameter } from './error-codes';
import { requireOperable, resolveOwned } from './instance-access';
import { ENCODING_TYPES, NETWORK_TYPES, parseWith, videoSettingBody } from './request-schemas';

/**
 * PUT /v1/instances/video-setting (docs/api/endpoints.md#video-setting). The 2025 rules apply (docs/api/ambiguities.md#a6): exactly one InstanceSetting for each of
 * the 6 network_type × encoding_type combinations, code_rate 100–10000 in steps of 100, fps 30 or 60.
 * The API has no read; the last applied settings are kept for GET /_emulator/video-settings/{id}.
 */
export function setVideoConfig(model: EmulatorModel, caller: Caller, body: unknown): void {
  const req = parseWith(videoSettingBody, body);
  const seen = new Set<string>();
  for (const s of req.instance_settings) {
    const combo = `${s.network_type}/${s.encoding_type}`;
    if (seen.has(combo)) throw invalidParameter(`instance_settings: ${combo} given twice`);
    seen.add(combo);
  }
  const missing = NETWORK_TYPES.flatMap((n) => ENCODING_TYPES.map((e) => `${n}/${e}`)).filter((c) => !seen.has(c));
  if (missing.length) throw invalidParameter(`instance_settings: missing ${missing.join(', ')}`);
  const owned = resolveOwned(model, caller.tenant, req.instance_ids);
  requireOperable(model, owned);
  const appliedAt = model.now();
  for (const inst of owned) inst.video = { instanceSettings: req.instance_settings, appliedAt };
  model.commit();
}
